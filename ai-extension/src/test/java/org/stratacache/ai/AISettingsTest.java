package org.stratacache.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.internal.config.ManagerDefaults;

/** Every AI setting comes through the cache manager's resolver: its precedence, messages and validation. */
class AISettingsTest {

  @TempDir
  Path directory;

  private static AISettings resolved(Properties manager, Map<String, String> env,
                                     StrataConfiguration<String, AIResponse> given) {
    return ManagerDefaults.of(manager, name -> null, env::get).resolve("ai", given, List.of(new AICacheExtension()))
        .getExtension(AISettings.class);
  }

  private static AISettings fromEnvironment(Map<String, String> env) {
    return resolved(new Properties(), env, AIResponseCacheConfiguration.builder()
        .cache(builder -> builder.storeType(StoreType.MEMORY)).build());
  }

  @Test
  void defaultsMatchTheDesign() {
    AISettings settings = AISettings.builder().build();
    assertThat(settings.operationTtl("summarize")).isEqualTo(Duration.ofHours(2));
    assertThat(settings.operationTtl("sentiment")).isEqualTo(Duration.ofHours(24));
    assertThat(settings.operationTtl("key_points")).isEqualTo(Duration.ofHours(2));
    assertThat(settings.operationTtl("questions")).isEqualTo(Duration.ofHours(1));
    assertThat(settings.operationTtl("qa")).isEqualTo(Duration.ofMinutes(30));
    assertThat(settings.operationTtl("translate")).isNull();
    assertThat(settings.textHashThreshold()).isEqualTo(1000);
    assertThat(settings.tierOf(499)).isEqualTo(TextTier.SMALL);
    assertThat(settings.tierOf(500)).isEqualTo(TextTier.MEDIUM);
    assertThat(settings.tierOf(49_999)).isEqualTo(TextTier.LARGE);
    assertThat(settings.tierOf(50_000)).isEqualTo(TextTier.XLARGE);
    assertThat(fromEnvironment(Map.of())).isEqualTo(settings);
  }

  @Test
  void environmentOverridesDefaultsAndCodeOverridesTheEnvironment() {
    Map<String, String> env = Map.of("CACHE_AI_OPERATION_TTLS", "{\"qa\": 60, \"summarize\": \"3h\", \"translate\": \"PT10M\"}",
        "CACHE_TEXT_HASH_THRESHOLD", "200");
    AISettings fromEnv = fromEnvironment(env);
    assertThat(fromEnv.operationTtl("qa")).isEqualTo(Duration.ofMinutes(1));
    assertThat(fromEnv.operationTtl("summarize")).isEqualTo(Duration.ofHours(3));
    assertThat(fromEnv.operationTtl("translate")).isEqualTo(Duration.ofMinutes(10));
    assertThat(fromEnv.operationTtl("sentiment")).isEqualTo(Duration.ofHours(24));
    assertThat(fromEnv.textHashThreshold()).isEqualTo(200);
    AISettings fromCode = resolved(new Properties(), env, AIResponseCacheConfiguration.builder()
        .operationTtl("qa", Duration.ofSeconds(5)).textHashThreshold(300).build());
    assertThat(fromCode.operationTtl("qa")).isEqualTo(Duration.ofSeconds(5));
    assertThat(fromCode.operationTtl("summarize")).isEqualTo(Duration.ofHours(3));
    assertThat(fromCode.textHashThreshold()).isEqualTo(300);
  }

  @Test
  void everyAiSettingTakesTheManagersPrecedence() {
    Map<String, String> env = Map.of("CACHE_AI_TEXT_SIZE_TIERS", "10, 20, 30", "CACHE_AI_DEFAULT_MODEL", "env-model",
        "CACHE_AI_COST_PER_THOUSAND_TOKENS", "0.5",
        "CACHE_AI_MODEL_PRICES", "{\"gpt-4o\": {\"prompt\": 0.0025, \"completion\": 0.01}}");
    AISettings fromEnv = fromEnvironment(env);
    assertThat(fromEnv.tierOf(9)).isEqualTo(TextTier.SMALL);
    assertThat(fromEnv.tierOf(29)).isEqualTo(TextTier.LARGE);
    assertThat(fromEnv.tierOf(30)).isEqualTo(TextTier.XLARGE);
    assertThat(fromEnv.defaultModel()).isEqualTo("env-model");
    assertThat(fromEnv.priceOf("other")).isEqualTo(new ModelPrice(0.5, 0.5));
    assertThat(fromEnv.priceOf("gpt-4o")).isEqualTo(new ModelPrice(0.0025, 0.01));

    Properties manager = new Properties();
    manager.setProperty("strata.ai.text-size-tiers", "[100, 200, 300]");
    manager.setProperty("strata.ai.default-model", "manager-model");
    manager.setProperty("strata.ai.cost-per-thousand-tokens", "0.25");
    manager.setProperty("strata.ai.model-prices", "{gpt-4o: {prompt: 1, completion: 2}, mini: {prompt: 0, completion: 0}}");
    AISettings fromManager = resolved(manager, env, AIResponseCacheConfiguration.defaults());
    assertThat(fromManager.tierOf(299)).isEqualTo(TextTier.LARGE);
    assertThat(fromManager.defaultModel()).isEqualTo("manager-model");
    assertThat(fromManager.costPerThousandTokens()).isEqualTo(0.25);
    assertThat(fromManager.modelPrices()).containsOnlyKeys("gpt-4o", "mini");

    AISettings fromCode = resolved(manager, env, AIResponseCacheConfiguration.builder().textTiers(1, 2, 3)
        .defaultModel("code-model").costPerThousandTokens(0).modelPrice("gpt-4o", 3, 4).build());
    assertThat(fromCode.tierOf(2)).isEqualTo(TextTier.LARGE);
    assertThat(fromCode.defaultModel()).isEqualTo("code-model");
    assertThat(fromCode.costPerThousandTokens()).isZero();
    assertThat(fromCode.priceOf("gpt-4o")).isEqualTo(new ModelPrice(3, 4));
    assertThat(fromCode.priceOf("mini")).as("models code leaves unpriced come from the manager")
        .isEqualTo(new ModelPrice(0, 0));
  }

  @Test
  void badSettingsNameTheSettingAndValue() {
    assertThatThrownBy(() -> fromEnvironment(Map.of("CACHE_AI_OPERATION_TTLS", "{qa: }")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CACHE_AI_OPERATION_TTLS");
    assertThatThrownBy(() -> fromEnvironment(Map.of("CACHE_AI_OPERATION_TTLS", "{\"qa\": \"soon\"}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CACHE_AI_OPERATION_TTLS").hasMessageContaining("operation-ttls.qa")
        .hasMessageContaining("soon");
    assertThatThrownBy(() -> fromEnvironment(Map.of("CACHE_TEXT_HASH_THRESHOLD", "big")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CACHE_TEXT_HASH_THRESHOLD");
    assertThatThrownBy(() -> fromEnvironment(Map.of("CACHE_AI_TEXT_SIZE_TIERS", "500,400,600")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CACHE_AI_TEXT_SIZE_TIERS")
        .hasMessageContaining("three increasing sizes");
    assertThatThrownBy(() -> fromEnvironment(Map.of("CACHE_AI_COST_PER_THOUSAND_TOKENS", "-1")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CACHE_AI_COST_PER_THOUSAND_TOKENS")
        .hasMessageContaining("'-1'");
    assertThatThrownBy(() -> fromEnvironment(Map.of("CACHE_AI_DEFAULT_MODEL", "a model with spaces")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CACHE_AI_DEFAULT_MODEL");
    assertThatThrownBy(() -> fromEnvironment(Map.of("CACHE_AI_MODEL_PRICES", "{\"gpt-4o\": {\"prompt\": 1}}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CACHE_AI_MODEL_PRICES")
        .hasMessageContaining("ai.model-prices.gpt-4o").hasMessageContaining("completion");
    assertThatThrownBy(() -> AISettings.builder().textTiers(500, 400, 600))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("textTiers");
    assertThatThrownBy(() -> AISettings.builder().operationTtl("qa", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operationTtl.qa");
  }

  private CacheManager managerOf(String... lines) throws IOException {
    Path file = directory.resolve("strata-" + System.nanoTime() + ".yaml");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return Caching.getCachingProvider().getCacheManager(file.toUri(), getClass().getClassLoader());
  }

  @Test
  void modelPricesComeFromTheAiSectionAndOtherModelsPayTheDefault() throws IOException {
    try (CacheManager manager = managerOf("caches:", "  answers:", "    value-type: org.stratacache.ai.AIResponse",
        "    ai:", "      cost-per-thousand-tokens: 0.002", "      text-size-tiers: [10, 20, 30]",
        "      model-prices: { gpt-4o: { prompt: 0.0025, completion: '0.01' } }")) {
      AISettings settings = manager.getCache("answers").unwrap(AIResponseCache.class).settings();
      assertThat(settings.priceOf("gpt-4o")).isEqualTo(new ModelPrice(0.0025, 0.01));
      assertThat(settings.priceOf("other")).isEqualTo(new ModelPrice(0.002, 0.002));
      assertThat(settings.priceOf("gpt-4o").cost(AIResponse.builder("x").tokens(1000, 2000).build()))
          .isEqualTo(0.0225, Offset.offset(1e-12));
      assertThat(settings.tierOf(25)).isEqualTo(TextTier.LARGE);
    }
    assertThatThrownBy(() -> managerOf("caches:", "  answers:", "    ai:",
        "      model-prices: { gpt-4o: { prompt: 1 } }")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caches.answers.ai.model-prices").hasMessageContaining("completion");
    assertThatThrownBy(() -> managerOf("caches:", "  answers:", "    ai:", "      colour: blue"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour")
        .hasMessageContaining("text-size-tiers");
  }

  @Test
  void theTopLevelOfAFileFillsEveryAiCache() throws IOException {
    try (CacheManager manager = managerOf("ai:", "  default-model: file-model", "  text-size-tiers: [5, 6, 7]",
        "caches:", "  answers:", "    value-type: org.stratacache.ai.AIResponse")) {
      AISettings settings = manager.getCache("answers").unwrap(AIResponseCache.class).settings();
      assertThat(settings.defaultModel()).isEqualTo("file-model");
      assertThat(settings.tierOf(6)).isEqualTo(TextTier.LARGE);
    }
  }
}
