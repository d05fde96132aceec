package org.stratacache.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class AISettingsTest {

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
  }

  @Test
  void environmentOverridesDefaultsAndCodeOverridesTheEnvironment() {
    Map<String, String> env = Map.of("CACHE_AI_OPERATION_TTLS", "{\"qa\": 60, \"summarize\": \"3h\", \"translate\": \"PT10M\"}",
        "CACHE_TEXT_HASH_THRESHOLD", "200");
    AISettings fromEnv = AISettings.fromEnvironment(env::get).build();
    assertThat(fromEnv.operationTtl("qa")).isEqualTo(Duration.ofMinutes(1));
    assertThat(fromEnv.operationTtl("summarize")).isEqualTo(Duration.ofHours(3));
    assertThat(fromEnv.operationTtl("translate")).isEqualTo(Duration.ofMinutes(10));
    assertThat(fromEnv.operationTtl("sentiment")).isEqualTo(Duration.ofHours(24));
    assertThat(fromEnv.textHashThreshold()).isEqualTo(200);
    AISettings fromCode = AISettings.fromEnvironment(env::get).operationTtl("qa", Duration.ofSeconds(5)).build();
    assertThat(fromCode.operationTtl("qa")).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void badSettingsNameTheSettingAndValue() {
    assertThatThrownBy(() -> AISettings.fromEnvironment(Map.of("CACHE_AI_OPERATION_TTLS", "{qa: }")::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CACHE_AI_OPERATION_TTLS");
    assertThatThrownBy(() -> AISettings.fromEnvironment(Map.of("CACHE_AI_OPERATION_TTLS", "{\"qa\": \"soon\"}")::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CACHE_AI_OPERATION_TTLS").hasMessageContaining("operation-ttls.qa")
        .hasMessageContaining("soon");
    assertThatThrownBy(() -> AISettings.fromEnvironment(Map.of("CACHE_TEXT_HASH_THRESHOLD", "big")::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CACHE_TEXT_HASH_THRESHOLD");
    assertThatThrownBy(() -> AISettings.builder().textTiers(500, 400, 600))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("textTiers");
    assertThatThrownBy(() -> AISettings.builder().operationTtl("qa", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operationTtl.qa");
  }

  @Test
  void modelPricesComeFromTheAiSectionAndOtherModelsPayTheDefault() {
    AISettings settings = (AISettings) new AICacheExtension().settings("ai", Map.of("cost-per-thousand-tokens", "0.002",
        "model-prices", Map.of("gpt-4o", Map.of("prompt", 0.0025, "completion", "0.01"))));
    assertThat(settings.priceOf("gpt-4o")).isEqualTo(new ModelPrice(0.0025, 0.01));
    assertThat(settings.priceOf("other")).isEqualTo(new ModelPrice(0.002, 0.002));
    assertThat(settings.priceOf("gpt-4o").cost(AIResponse.builder("x").tokens(1000, 2000).build()))
        .isEqualTo(0.0225, Offset.offset(1e-12));
    assertThatThrownBy(() -> new AICacheExtension().settings("ai", Map.of("model-prices",
        Map.of("gpt-4o", Map.of("prompt", 1))))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model-prices").hasMessageContaining("completion");
  }
}
