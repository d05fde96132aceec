package org.stratacache.ai;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.stratacache.jcache.CacheExtension;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.Durations;
import org.stratacache.jcache.configuration.ExtensionSetting;
import org.stratacache.jcache.configuration.StrataConfiguration;

/**
 * Provides {@link AIResponseCache} to {@code cache.unwrap}, for caches of {@code String} keys and
 * {@link AIResponse} values (or {@code Object}), and reads the {@code ai:} section of a cache in a
 * configuration file:
 *
 * <pre>
 * caches:
 *   ai-responses:
 *     value-type: org.stratacache.ai.AIResponse
 *     ai:
 *       operation-ttls: { summarize: 2h, qa: 30m }
 *       text-hash-threshold: 1000
 *       text-size-tiers: [500, 5000, 50000]
 *       default-model: gpt-4o-mini
 *       cost-per-thousand-tokens: 0.002
 *       model-prices: { gpt-4o: { prompt: 0.0025, completion: 0.01 } }
 * </pre>
 *
 * Registered in {@code META-INF/services}.
 */
public final class AICacheExtension implements CacheExtension {

  @Override
  public Serializable settings(String section, Map<String, Object> values) {
    if (!"ai".equals(section)) {
      return null;
    }
    AISettings.Builder settings = AISettings.builder();  // the manager fills what the section leaves unset
    values.forEach((key, value) -> {
      try {
        apply(settings, key, value);
      } catch (IllegalArgumentException | ClassCastException e) {
        throw new IllegalArgumentException(key + " = '" + value + "' is not allowed: " + e.getMessage(), e);
      }
    });
    return settings.build();
  }

  private static void apply(AISettings.Builder settings, String key, Object value) {
    switch (key) {
      case "operation-ttls" -> ((Map<?, ?>) value).forEach((operation, ttl) -> settings.operationTtl(
          String.valueOf(operation), Durations.parse(ttl, "operation-ttls." + operation)));
      case "text-hash-threshold" -> settings.textHashThreshold(Integer.parseInt(String.valueOf(value).trim()));
      case "text-size-tiers" -> {
        List<?> tiers = value instanceof List<?> list ? list : List.of(String.valueOf(value).split(","));
        if (tiers.size() != 3) {
          throw new IllegalArgumentException("text-size-tiers takes three increasing sizes, e.g. [500, 5000, 50000]");
        }
        settings.textTiers(integer(tiers.get(0)), integer(tiers.get(1)), integer(tiers.get(2)));
      }
      case "default-model" -> settings.defaultModel(String.valueOf(value));
      case "cost-per-thousand-tokens" -> settings.costPerThousandTokens(Double.parseDouble(String.valueOf(value)));
      case "model-prices" -> ((Map<?, ?>) value).forEach((model, prices) -> {
        Map<?, ?> price = (Map<?, ?>) prices;
        settings.modelPrice(String.valueOf(model), decimal(price.get("prompt")), decimal(price.get("completion")));
      });
      default -> throw new IllegalArgumentException("unknown key; the ai section takes operation-ttls, "
          + "text-hash-threshold, text-size-tiers, default-model, cost-per-thousand-tokens and model-prices");
    }
  }

  private static double decimal(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("each model price takes prompt and completion, e.g. "
          + "{ prompt: 0.00015, completion: 0.0006 }");
    }
    return Double.parseDouble(String.valueOf(value).trim());
  }

  private static int integer(Object value) {
    return Integer.parseInt(String.valueOf(value).trim());
  }

  /**
   * For a cache of {@link AIResponse} values, or one with an {@code ai} section: the classes of
   * stored answers are allowed for serialization, whatever the cache's own settings allow; and,
   * unless the cache sets them itself, the cache fails open ({@code resilience: miss},
   * {@code corrupt-values: miss}): while Redis is unreachable, too slow or holds an unreadable
   * answer, lookups miss and the model answers.
   */
  @Override
  public Map<String, Object> cacheDefaults(StrataConfiguration<?, ?> given) {
    if (given.getExtension(AISettings.class) == null && given.getValueType() != AIResponse.class) {
      return Map.of();
    }
    return Map.of("serialization.allowed-classes", List.of(AIResponse.class.getName(),
            StructuredData.class.getName()),
        "resilience", "miss", "corrupt-values", "miss");
  }

  @Override
  public List<ExtensionSetting<?>> declaredSettings() {
    return List.copyOf(AISettingDeclarations.ALL);
  }

  /** An empty ai section for a cache of {@link AIResponse} values that attached none, for the manager to fill. */
  @Override
  public Serializable defaultSection(StrataConfiguration<?, ?> given) {
    return given.getExtension(AISettings.class) == null && given.getValueType() == AIResponse.class
        ? AISettings.builder().build() : null;
  }

  @Override
  public <T> T extend(StrataCache<?, ?> cache, Class<T> type) {
    if (type != AIResponseCache.class) {
      return null;
    }
    @SuppressWarnings("unchecked")
    StrataConfiguration<?, ?> configuration = cache.getConfiguration(StrataConfiguration.class);
    if (configuration.getKeyType() != String.class && configuration.getKeyType() != Object.class) {
      throw new IllegalArgumentException("AIResponseCache needs a cache with String keys; cache '" + cache.getName()
          + "' has keys of " + configuration.getKeyType().getName()
          + " (create it with AIResponseCacheConfiguration.defaults())");
    }
    if (!configuration.getValueType().isAssignableFrom(AIResponse.class)) {
      throw new IllegalArgumentException("AIResponseCache needs a cache of AIResponse values; cache '"
          + cache.getName() + "' holds " + configuration.getValueType().getName()
          + " (create it with AIResponseCacheConfiguration.defaults())");
    }
    AISettings settings = configuration.getExtension(AISettings.class);
    @SuppressWarnings("unchecked")
    StrataCache<String, AIResponse> typed = (StrataCache<String, AIResponse>) cache;
    return type.cast(DefaultAIResponseCache.create(typed,
        settings == null ? AISettings.fromEnvironment().build() : settings));
  }
}
