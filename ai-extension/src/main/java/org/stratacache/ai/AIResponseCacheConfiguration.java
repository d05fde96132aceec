package org.stratacache.ai;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.stratacache.jcache.configuration.StrataConfiguration;

/**
 * Configurations for AI response caches: {@code String} keys, {@link AIResponse} values (allowed
 * for serialization on Redis whatever the serialization settings say), the {@link AISettings}, and a
 * default lifetime for operations that have none of their own. The store is chosen as for any
 * cache: Redis when a Redis URI is configured ({@code REDIS_URL}, ...), memory otherwise.
 *
 * <pre>{@code
 * Cache<String, AIResponse> cache = manager.createCache("ai-responses", AIResponseCacheConfiguration.builder()
 *     .operationTtl("translate", Duration.ofDays(7))
 *     .defaultTtl(Duration.ofHours(1))
 *     .build());
 * }</pre>
 */
public final class AIResponseCacheConfiguration {

  /** Lifetime of answers of operations without one of their own. */
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);

  private AIResponseCacheConfiguration() {
  }

  /**
   * The default settings; when the cache is created, its manager fills what code leaves unset from its
   * properties, file, system properties and the environment ({@code CACHE_AI_OPERATION_TTLS}, ...).
   */
  public static StrataConfiguration<String, AIResponse> defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults (the manager fills what it leaves unset, as for {@link #defaults()}). */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an AI response cache configuration. */
  public static final class Builder {

    private final AISettings.Builder settings = AISettings.builder();
    private Duration defaultTtl = DEFAULT_TTL;
    private Consumer<StrataConfiguration.Builder<String, AIResponse>> cacheSettings = builder -> { };

    private Builder() {
    }

    /** The lifetime of one operation's answers. */
    public Builder operationTtl(String operation, Duration ttl) {
      settings.operationTtl(operation, ttl);
      return this;
    }

    /** Texts longer than this are hashed in keys. */
    public Builder textHashThreshold(int characters) {
      settings.textHashThreshold(characters);
      return this;
    }

    /** Text size tier boundaries for metrics. */
    public Builder textTiers(int small, int medium, int large) {
      settings.textTiers(small, medium, large);
      return this;
    }

    /** The model named in keys by default. */
    public Builder defaultModel(String model) {
      settings.defaultModel(model);
      return this;
    }

    /** Price of a thousand tokens, for the estimated cost saved. */
    public Builder costPerThousandTokens(double price) {
      settings.costPerThousandTokens(price);
      return this;
    }

    /** Prices of one model's tokens per thousand, prompt and completion, for the estimated cost saved. */
    public Builder modelPrice(String model, double promptPerThousand, double completionPerThousand) {
      settings.modelPrice(model, promptPerThousand, completionPerThousand);
      return this;
    }

    /** Lifetime of answers of operations without their own (default 1 h). */
    public Builder defaultTtl(Duration ttl) {
      if (ttl == null || ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("defaultTtl = " + ttl + " must be positive");
      }
      this.defaultTtl = ttl;
      return this;
    }

    /** Any other cache setting (store, Redis URI, size bound, statistics, ...). */
    public Builder cache(Consumer<StrataConfiguration.Builder<String, AIResponse>> configurer) {
      this.cacheSettings = cacheSettings.andThen(configurer);
      return this;
    }

    /** The configuration, ready for {@code createCache}. */
    public StrataConfiguration<String, AIResponse> build() {
      StrataConfiguration.Builder<String, AIResponse> builder = StrataConfiguration.builder(String.class,
          AIResponse.class)
          .expiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(
              new javax.cache.expiry.Duration(TimeUnit.MILLISECONDS, defaultTtl.toMillis())))
          .extension(settings.build());
      cacheSettings.accept(builder);
      // the answer classes are allowed for serialization when the cache is created (AICacheExtension.cacheDefaults)
      return builder.build();
    }
  }
}
