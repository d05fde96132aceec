package org.stratacache.ai;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.stratacache.jcache.CacheExtension;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.ExtensionSetting;
import org.stratacache.jcache.configuration.StrataConfiguration;

/**
 * Provides {@link AIResponseCache} to {@code cache.unwrap}, for caches of {@code String} keys and
 * {@link AIResponse} values (or {@code Object}), and declares the settings of the {@code ai:} section
 * of a cache in a configuration file, which the cache manager reads like its own:
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

  @Override
  public <S extends Serializable> S emptySection(Class<S> type) {
    return type == AISettings.class ? type.cast(AISettings.builder().build()) : null;
  }

  /**
   * An empty ai section, for the manager to fill, for a cache that attached none and that
   * {@code unwrap(AIResponseCache.class)} serves: {@code String} (or {@code Object}) keys and values
   * of {@link AIResponse} or a supertype.
   */
  @Override
  public Serializable defaultSection(StrataConfiguration<?, ?> given) {
    return given.getExtension(AISettings.class) == null && serves(given) ? emptySection(AISettings.class) : null;
  }

  private static boolean serves(StrataConfiguration<?, ?> configuration) {
    return (configuration.getKeyType() == String.class || configuration.getKeyType() == Object.class)
        && configuration.getValueType().isAssignableFrom(AIResponse.class);
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
    // the manager attached the section, filled, at createCache (defaultSection); a cache built otherwise gets defaults
    return type.cast(DefaultAIResponseCache.create(typed, settings == null ? AISettings.builder().build() : settings));
  }
}
