package org.stratacache.jcache.configuration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.CompleteConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.Factory;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import org.hibernate.validator.constraints.time.DurationMin;
import org.stratacache.jcache.expiry.Ticker;

/**
 * An immutable cache configuration: everything a {@code MutableConfiguration} holds, plus Strata's
 * own settings. Build one with {@link #builder(Class, Class)} or start from any JSR-107
 * configuration with {@link #from(Configuration)}; a plain {@code MutableConfiguration} works as well.
 *
 * <pre>{@code
 * Cache<String, Order> orders = manager.createCache("orders",
 *     StrataConfiguration.builder(String.class, Order.class)
 *         .maximumSize(10_000)
 *         .expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(Duration.ONE_HOUR))
 *         .statisticsEnabled(true)
 *         .build());
 * }</pre>
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class StrataConfiguration<K, V> implements CompleteConfiguration<K, V> {

  /** Default serialized size from which values stored in Redis are compressed. */
  public static final int DEFAULT_COMPRESSION_THRESHOLD = 1000;
  /** Default zstd level. */
  public static final int DEFAULT_COMPRESSION_LEVEL = 6;
  /** Default time a Redis command may take before it fails. */
  public static final Duration DEFAULT_REDIS_TIMEOUT = Duration.ofSeconds(2);
  /** Default first segment of Redis keys. */
  public static final String DEFAULT_KEY_PREFIX = "strata";
  /** Default bound of the in-memory store that serves while Redis is away ({@link ResiliencePolicy#LOCAL_FALLBACK}). */
  public static final long DEFAULT_FALLBACK_MAXIMUM_SIZE = 10_000;

  private static final long serialVersionUID = 1L;

  @NotNull
  private final Class<K> keyType;
  @NotNull
  private final Class<V> valueType;
  private final boolean storeByValue;
  private final boolean readThrough;
  private final boolean writeThrough;
  private final boolean statisticsEnabled;
  private final boolean managementEnabled;
  private final Factory<CacheLoader<K, V>> cacheLoaderFactory;
  private final Factory<CacheWriter<? super K, ? super V>> cacheWriterFactory;
  @NotNull
  private final Factory<ExpiryPolicy> expiryPolicyFactory;
  private final List<CacheEntryListenerConfiguration<K, V>> listenerConfigurations;
  @PositiveOrZero
  private final Long maximumSize;
  private final Ticker ticker;
  @NotNull
  private final StoreType storeType;
  private final String redisUri;
  @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 letters, digits, '.', '_' or '-'")
  private final String keyPrefix;
  @DurationMin(millis = 1, message = "must be at least 1 ms")
  private final Duration redisTimeout;
  private final RedisTlsSettings redisTls;
  @PositiveOrZero
  private final Integer compressionThreshold;
  @Min(1)
  @Max(22)
  private final Integer compressionLevel;
  @DurationMin(millis = 1, message = "must be at least 1 ms")
  private final Duration defaultTtl;
  @NotNull
  private final SerializationSettings serialization;
  private final CorruptValuePolicy corruptValuePolicy;
  private final ResiliencePolicy resiliencePolicy;
  @PositiveOrZero
  private final Long fallbackMaximumSize;
  @PositiveOrZero
  private final Long nearCacheMaximumSize;
  @Valid
  private final EncryptionSettings encryption;
  private final Boolean remoteEvents;
  private final Map<Class<?>, Serializable> extensions;

  private StrataConfiguration(Builder<K, V> builder) {
    this.keyType = builder.keyType;
    this.valueType = builder.valueType;
    this.storeByValue = builder.storeByValue;
    this.readThrough = builder.readThrough;
    this.writeThrough = builder.writeThrough;
    this.statisticsEnabled = builder.statisticsEnabled;
    this.managementEnabled = builder.managementEnabled;
    this.cacheLoaderFactory = builder.cacheLoaderFactory;
    this.cacheWriterFactory = builder.cacheWriterFactory;
    this.expiryPolicyFactory = builder.expiryPolicyFactory;
    this.listenerConfigurations = Collections.unmodifiableList(new ArrayList<>(builder.listenerConfigurations));
    this.maximumSize = builder.maximumSize;
    this.ticker = builder.ticker;
    this.storeType = builder.storeType;
    this.redisUri = builder.redisUri;
    this.keyPrefix = builder.keyPrefix;
    this.redisTimeout = builder.redisTimeout;
    this.redisTls = builder.redisTls;
    this.compressionThreshold = builder.compressionThreshold;
    this.compressionLevel = builder.compressionLevel;
    this.defaultTtl = builder.defaultTtl;
    this.serialization = builder.serialization;
    this.corruptValuePolicy = builder.corruptValuePolicy;
    this.resiliencePolicy = builder.resiliencePolicy;
    this.fallbackMaximumSize = builder.fallbackMaximumSize;
    this.nearCacheMaximumSize = builder.nearCacheMaximumSize;
    this.encryption = builder.encryption;
    this.remoteEvents = builder.remoteEvents;
    this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extensions));
  }


  /** A builder for a cache of {@code keyType} to {@code valueType}, with JSR-107 defaults. */
  public static <K, V> Builder<K, V> builder(Class<K> keyType, Class<V> valueType) {
    return new Builder<K, V>().types(keyType, valueType);
  }

  /**
   * A builder starting from any configuration: a {@code StrataConfiguration} keeps its Strata
   * settings, a {@code CompleteConfiguration} its standard ones, a basic {@code Configuration} its
   * types and store-by-value flag.
   */
  public static <K, V> Builder<K, V> from(Configuration<K, V> configuration) {
    Objects.requireNonNull(configuration, "configuration");
    if (configuration instanceof StrataConfiguration) {
      return ((StrataConfiguration<K, V>) configuration).toBuilder();
    }
    Builder<K, V> builder = builder(configuration.getKeyType(), configuration.getValueType())
        .storeByValue(configuration.isStoreByValue());
    if (configuration instanceof CompleteConfiguration) {
      CompleteConfiguration<K, V> complete = (CompleteConfiguration<K, V>) configuration;
      builder.readThrough(complete.isReadThrough())
          .writeThrough(complete.isWriteThrough())
          .statisticsEnabled(complete.isStatisticsEnabled())
          .managementEnabled(complete.isManagementEnabled())
          .cacheLoaderFactory(complete.getCacheLoaderFactory())
          .cacheWriterFactory(complete.getCacheWriterFactory())
          .expiryPolicyFactory(complete.getExpiryPolicyFactory());
      for (CacheEntryListenerConfiguration<K, V> listener : complete.getCacheEntryListenerConfigurations()) {
        builder.addCacheEntryListenerConfiguration(listener);
      }
    }
    return builder;
  }

  /** A builder holding every setting of this configuration. */
  public Builder<K, V> toBuilder() {
    Builder<K, V> builder = builder(keyType, valueType)
        .storeByValue(storeByValue)
        .readThrough(readThrough)
        .writeThrough(writeThrough)
        .statisticsEnabled(statisticsEnabled)
        .managementEnabled(managementEnabled)
        .cacheLoaderFactory(cacheLoaderFactory)
        .cacheWriterFactory(cacheWriterFactory)
        .expiryPolicyFactory(expiryPolicyFactory)
        .maximumSize(maximumSize)
        .ticker(ticker)
        .storeType(storeType)
        .redisUri(redisUri)
        .keyPrefix(keyPrefix)
        .redisTimeout(redisTimeout)
        .redisTls(redisTls)
        .compressionThreshold(compressionThreshold)
        .compressionLevel(compressionLevel)
        .defaultTtl(defaultTtl)
        .serialization(serialization)
        .corruptValuePolicy(corruptValuePolicy)
        .resiliencePolicy(resiliencePolicy)
        .fallbackMaximumSize(fallbackMaximumSize)
        .nearCacheMaximumSize(nearCacheMaximumSize)
        .encryption(encryption)
        .remoteEvents(remoteEvents);
    extensions.values().forEach(builder::extension);
    listenerConfigurations.forEach(builder::addCacheEntryListenerConfiguration);
    return builder;
  }

  @Override
  public Class<K> getKeyType() {
    return keyType;
  }

  @Override
  public Class<V> getValueType() {
    return valueType;
  }

  @Override
  public boolean isStoreByValue() {
    return storeByValue;
  }

  @Override
  public boolean isReadThrough() {
    return readThrough;
  }

  @Override
  public boolean isWriteThrough() {
    return writeThrough;
  }

  @Override
  public boolean isStatisticsEnabled() {
    return statisticsEnabled;
  }

  @Override
  public boolean isManagementEnabled() {
    return managementEnabled;
  }

  @Override
  public Iterable<CacheEntryListenerConfiguration<K, V>> getCacheEntryListenerConfigurations() {
    return listenerConfigurations;
  }

  @Override
  public Factory<CacheLoader<K, V>> getCacheLoaderFactory() {
    return cacheLoaderFactory;
  }

  @Override
  public Factory<CacheWriter<? super K, ? super V>> getCacheWriterFactory() {
    return cacheWriterFactory;
  }

  @Override
  public Factory<ExpiryPolicy> getExpiryPolicyFactory() {
    return expiryPolicyFactory;
  }

  /** The most entries the in-memory store keeps before evicting; {@code 0} means no bound. */
  public long getMaximumSize() {
    return maximumSize == null ? 0 : maximumSize;
  }

  /** The clock expiry instants refer to (the system clock unless a test injected another). */
  public Ticker getTicker() {
    return ticker == null ? Ticker.system() : ticker;
  }

  /** Where entries are kept; {@link StoreType#AUTO} until the cache manager resolves it. */
  public StoreType getStoreType() {
    return storeType;
  }

  /** The Redis URI of this cache, or {@code null} to use the manager's (or stay in memory). */
  public String getRedisUri() {
    return redisUri;
  }

  /** The first segment of every Redis key of this cache: {@code <prefix>:<cache name>:<key>}. */
  public String getKeyPrefix() {
    return keyPrefix == null ? DEFAULT_KEY_PREFIX : keyPrefix;
  }

  /** How long a Redis command (and a connection attempt) may take before it fails. */
  public Duration getRedisTimeout() {
    return redisTimeout == null ? DEFAULT_REDIS_TIMEOUT : redisTimeout;
  }

  /** The TLS settings of {@code rediss://} connections (never {@code null}; defaults when unset). */
  public RedisTlsSettings getRedisTls() {
    return redisTls == null ? RedisTlsSettings.defaults() : redisTls;
  }

  /**
   * The lifetime of entries when no expiry policy is configured (the JSR-107 default is eternal),
   * or {@code null}: with it, entries expire this long after they are created.
   */
  public Duration getDefaultTtl() {
    return defaultTtl;
  }

  /** What the cache does while Redis is away. */
  public ResiliencePolicy getResiliencePolicy() {
    return resiliencePolicy == null ? ResiliencePolicy.FAIL : resiliencePolicy;
  }

  /** The bound of the in-memory store used by {@link ResiliencePolicy#LOCAL_FALLBACK}. */
  public long getFallbackMaximumSize() {
    return fallbackMaximumSize == null ? DEFAULT_FALLBACK_MAXIMUM_SIZE : fallbackMaximumSize;
  }

  /**
   * The bound of the near cache kept in memory in front of a Redis store; {@code 0} (the default)
   * for none. Ignored by in-memory caches.
   */
  public long getNearCacheMaximumSize() {
    return nearCacheMaximumSize == null ? 0 : nearCacheMaximumSize;
  }

  /**
   * Whether listeners of this cache also hear the creates, updates and removals made by other JVMs
   * and the expirations Redis reports, and whether this cache tells other JVMs of its own writes.
   * Needs the Redis store; off by default.
   */
  public boolean isRemoteEvents() {
    return remoteEvents != null && remoteEvents;
  }

  /** Whether the expiry policy is the JSR-107 default (eternal) rather than one chosen for this cache. */
  public boolean hasDefaultExpiryPolicy() {
    return EternalExpiryPolicy.factoryOf().equals(expiryPolicyFactory);
  }

  /** The value of a setting as configured, or {@code null} when this configuration leaves it unset. */
  Object configured(Setting setting) {
    return switch (setting) {
      case STORE -> storeType == StoreType.AUTO ? null : storeType;
      case REDIS_URI -> redisUri;
      case KEY_PREFIX -> keyPrefix;
      case REDIS_TIMEOUT -> redisTimeout;
      case REDIS_TLS_CA_FILE -> getRedisTls().getCaFile();
      case REDIS_TLS_CLIENT_CERT_FILE -> getRedisTls().getClientCertFile();
      case REDIS_TLS_CLIENT_KEY_FILE -> getRedisTls().getClientKeyFile();
      case REDIS_TLS_KEYSTORE_FILE -> getRedisTls().getKeystoreFile();
      case REDIS_TLS_KEY_PASSWORD -> getRedisTls().getKeyPassword();
      case REDIS_TLS_VERIFY_HOSTNAME -> getRedisTls().getVerifyHostname();
      case DEFAULT_TTL -> defaultTtl;
      case MAXIMUM_SIZE -> maximumSize;
      case COMPRESSION_THRESHOLD -> compressionThreshold;
      case COMPRESSION_LEVEL -> compressionLevel;
      case CORRUPT_VALUES -> corruptValuePolicy;
      case RESILIENCE -> resiliencePolicy;
      case FALLBACK_MAXIMUM_SIZE -> fallbackMaximumSize;
      case NEAR_CACHE_MAXIMUM_SIZE -> nearCacheMaximumSize;
      // a cache that sets encryption itself takes none of the three from the manager
      case ENCRYPTION_KEYS, ENCRYPTION_CURRENT_KEY, ENCRYPTION_REQUIRE -> encryption;
      case REMOTE_EVENTS -> remoteEvents;
      case LIMIT_VALUE_SIZE, LIMIT_DECODED_SIZE, LIMIT_LENGTH, LIMIT_DEPTH, LIMIT_HASH_WORK ->
          serialization.limits().configured(setting.limit());
      default -> null;
    };
  }

  /** Serialized size from which values stored in Redis are compressed. */
  public int getCompressionThreshold() {
    return compressionThreshold == null ? DEFAULT_COMPRESSION_THRESHOLD : compressionThreshold;
  }

  /** The zstd level (1 to 22). */
  public int getCompressionLevel() {
    return compressionLevel == null ? DEFAULT_COMPRESSION_LEVEL : compressionLevel;
  }

  /** The classes a serializing store may write and read. */
  public SerializationSettings getSerialization() {
    return serialization;
  }

  /** How values stored in Redis are encrypted, or {@code null} for not at all. */
  public EncryptionSettings getEncryption() {
    return encryption;
  }

  /** What a read does with stored bytes it cannot decode. */
  public CorruptValuePolicy getCorruptValuePolicy() {
    return corruptValuePolicy == null ? CorruptValuePolicy.FAIL : corruptValuePolicy;
  }

  /**
   * The settings an extension module attached with {@link Builder#extension}, or {@code null}.
   *
   * @param type the settings class
   */
  public <T> T getExtension(Class<T> type) {
    return type.cast(extensions.get(type));
  }

  @Override
  public String toString() {
    return "StrataConfiguration{keyType=" + keyType.getName() + ", valueType=" + valueType.getName()
        + ", storeByValue=" + storeByValue + ", readThrough=" + readThrough + ", writeThrough=" + writeThrough
        + ", statisticsEnabled=" + statisticsEnabled + ", managementEnabled=" + managementEnabled
        + ", maximumSize=" + maximumSize + ", storeType=" + storeType + ", keyPrefix=" + keyPrefix
        + ", compressionThreshold=" + compressionThreshold + ", compressionLevel=" + compressionLevel
        + ", defaultTtl=" + defaultTtl + ", resilience=" + resiliencePolicy
        + (encryption == null ? "" : ", encryption=" + encryption) + "}";
  }

  /**
   * Builds a {@link StrataConfiguration}. Not thread-safe.
   *
   * @param <K> the key type
   * @param <V> the value type
   */
  public static final class Builder<K, V> {

    private Class<K> keyType;
    private Class<V> valueType;
    private boolean storeByValue = true;
    private boolean readThrough;
    private boolean writeThrough;
    private boolean statisticsEnabled;
    private boolean managementEnabled;
    private Factory<CacheLoader<K, V>> cacheLoaderFactory;
    private Factory<CacheWriter<? super K, ? super V>> cacheWriterFactory;
    private Factory<ExpiryPolicy> expiryPolicyFactory = EternalExpiryPolicy.factoryOf();
    private final List<CacheEntryListenerConfiguration<K, V>> listenerConfigurations = new ArrayList<>();
    private Long maximumSize;
    private Ticker ticker;
    private StoreType storeType = StoreType.AUTO;
    private String redisUri;
    private String keyPrefix;
    private Duration redisTimeout;
    private RedisTlsSettings redisTls;
    private Integer compressionThreshold;
    private Integer compressionLevel;
    private Duration defaultTtl;
    private SerializationSettings serialization = SerializationSettings.none();
    private CorruptValuePolicy corruptValuePolicy;
    private ResiliencePolicy resiliencePolicy;
    private Long fallbackMaximumSize;
    private Long nearCacheMaximumSize;
    private EncryptionSettings encryption;
    private Boolean remoteEvents;
    private final Map<Class<?>, Serializable> extensions = new LinkedHashMap<>();

    private Builder() {
    }

    /** Sets the key and value types ({@code Object.class} for no type checks). */
    @SuppressWarnings("unchecked")
    public <K2, V2> Builder<K2, V2> types(Class<K2> keys, Class<V2> values) {
      Builder<K2, V2> self = (Builder<K2, V2>) this;
      self.keyType = Objects.requireNonNull(keys, "keyType");
      self.valueType = Objects.requireNonNull(values, "valueType");
      return self;
    }

    /** Store-by-value (the default) copies keys and values in and out; by-reference shares them. */
    public Builder<K, V> storeByValue(boolean enabled) {
      this.storeByValue = enabled;
      return this;
    }

    /** Whether a miss calls the {@code CacheLoader}. */
    public Builder<K, V> readThrough(boolean enabled) {
      this.readThrough = enabled;
      return this;
    }

    /** Whether writes call the {@code CacheWriter}. */
    public Builder<K, V> writeThrough(boolean enabled) {
      this.writeThrough = enabled;
      return this;
    }

    /** Whether statistics are collected (and their MXBean registered). */
    public Builder<K, V> statisticsEnabled(boolean enabled) {
      this.statisticsEnabled = enabled;
      return this;
    }

    /** Whether the configuration MXBean is registered. */
    public Builder<K, V> managementEnabled(boolean enabled) {
      this.managementEnabled = enabled;
      return this;
    }

    /** The loader used by read-through and {@code loadAll}. */
    public Builder<K, V> cacheLoaderFactory(Factory<? extends CacheLoader<K, V>> factory) {
      @SuppressWarnings("unchecked")
      Factory<CacheLoader<K, V>> typed = (Factory<CacheLoader<K, V>>) factory;
      this.cacheLoaderFactory = typed;
      return this;
    }

    /** The writer used by write-through. */
    public Builder<K, V> cacheWriterFactory(Factory<? extends CacheWriter<? super K, ? super V>> factory) {
      @SuppressWarnings("unchecked")
      Factory<CacheWriter<? super K, ? super V>> typed = (Factory<CacheWriter<? super K, ? super V>>) factory;
      this.cacheWriterFactory = typed;
      return this;
    }

    /** The expiry policy ({@code null} restores the eternal default). */
    public Builder<K, V> expiryPolicyFactory(Factory<? extends ExpiryPolicy> factory) {
      @SuppressWarnings("unchecked")
      Factory<ExpiryPolicy> typed = (Factory<ExpiryPolicy>) factory;
      this.expiryPolicyFactory = typed == null ? EternalExpiryPolicy.factoryOf() : typed;
      return this;
    }

    /** Adds a listener registered when the cache is created. */
    public Builder<K, V> addCacheEntryListenerConfiguration(CacheEntryListenerConfiguration<K, V> listener) {
      listenerConfigurations.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Replaces the listeners registered when the cache is created. */
    public Builder<K, V> cacheEntryListenerConfigurations(Iterable<CacheEntryListenerConfiguration<K, V>> all) {
      listenerConfigurations.clear();
      all.forEach(this::addCacheEntryListenerConfiguration);
      return this;
    }

    /** Bounds the in-memory store to this many entries, evicting by W-TinyLFU; {@code 0}: no bound. */
    public Builder<K, V> maximumSize(long entries) {
      this.maximumSize = entries;
      return this;
    }

    /** {@link #maximumSize(long)}, or {@code null} to leave it to the cache manager's default. */
    public Builder<K, V> maximumSize(Long entries) {
      this.maximumSize = entries;
      return this;
    }

    /** The clock for expiry (for tests; {@code null} is the system clock). */
    public Builder<K, V> ticker(Ticker clock) {
      this.ticker = clock;
      return this;
    }

    /** Where entries are kept (default {@link StoreType#AUTO}). */
    public Builder<K, V> storeType(StoreType type) {
      this.storeType = type;
      return this;
    }

    /**
     * Puts the cache on Redis at {@code uri}, in any form Lettuce understands: {@code redis://},
     * {@code rediss://} (TLS), {@code redis://user:password@host:port/database}, {@code redis-sentinel://}.
     */
    public Builder<K, V> redisUri(String uri) {
      this.redisUri = uri;
      return this;
    }

    /** The first segment of the cache's Redis keys (default {@code strata}). */
    public Builder<K, V> keyPrefix(String prefix) {
      this.keyPrefix = prefix;
      return this;
    }

    /** How long a Redis command may take before it fails (default 2 s). */
    public Builder<K, V> redisTimeout(Duration timeout) {
      this.redisTimeout = timeout;
      return this;
    }

    /**
     * How {@code rediss://} connections trust the server and present a client certificate (default: the
     * JVM's trust store, no client certificate, host names verified). Caches on the same URI with
     * different TLS settings get different connections.
     */
    public Builder<K, V> redisTls(RedisTlsSettings settings) {
      this.redisTls = settings;
      return this;
    }

    RedisTlsSettings currentRedisTls() {
      return redisTls == null ? RedisTlsSettings.defaults() : redisTls;
    }

    /** Serialized size in bytes from which values are compressed with zstd (default 1,000). */
    public Builder<K, V> compressionThreshold(Integer bytes) {
      this.compressionThreshold = bytes;
      return this;
    }

    /** The zstd level, 1 to 22 (default 6). */
    public Builder<K, V> compressionLevel(Integer level) {
      this.compressionLevel = level;
      return this;
    }

    /** The classes a serializing store may write and read, beyond the built-in JDK types. */
    public Builder<K, V> serialization(SerializationSettings settings) {
      this.serialization = settings;
      return this;
    }

    /**
     * Entries expire this long after they are created, unless an expiry policy is set (the same as
     * {@code expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(ttl))}, but a default the cache manager
     * may also supply: {@code default-ttl}, {@code CACHE_DEFAULT_TTL}).
     */
    public Builder<K, V> defaultTtl(Duration ttl) {
      this.defaultTtl = ttl;
      return this;
    }

    /** What the cache does while Redis is away (default {@link ResiliencePolicy#FAIL}). */
    public Builder<K, V> resiliencePolicy(ResiliencePolicy policy) {
      this.resiliencePolicy = policy;
      return this;
    }

    /** The bound of the in-memory store used while Redis is away (default 10,000 entries). */
    public Builder<K, V> fallbackMaximumSize(long entries) {
      this.fallbackMaximumSize = entries;
      return this;
    }

    /** {@link #fallbackMaximumSize(long)}, or {@code null} to leave it to the default. */
    public Builder<K, V> fallbackMaximumSize(Long entries) {
      this.fallbackMaximumSize = entries;
      return this;
    }

    /**
     * Keeps up to {@code entries} recently read entries of a Redis cache in memory, in front of Redis,
     * invalidated by Redis when any client changes them (Redis 6 or later; not for Redis Cluster).
     * Reads whose expiry policy leaves the lifetime unchanged on access are served from memory.
     * {@code 0} (the default): no near cache.
     */
    public Builder<K, V> nearCacheMaximumSize(long entries) {
      this.nearCacheMaximumSize = entries;
      return this;
    }

    /** {@link #nearCacheMaximumSize(long)}, or {@code null} to leave it to the default. */
    public Builder<K, V> nearCacheMaximumSize(Long entries) {
      this.nearCacheMaximumSize = entries;
      return this;
    }

    /**
     * With {@code true}, the cache's listeners (registered the standard way) also hear creates,
     * updates and removals made by other JVMs' caches of the same name and prefix, and the
     * expirations Redis reports; the cache tells the others of its own writes. Redis store only.
     */
    public Builder<K, V> remoteEvents(boolean enabled) {
      this.remoteEvents = enabled;
      return this;
    }

    /** {@link #remoteEvents(boolean)}, or {@code null} to leave it to the default. */
    public Builder<K, V> remoteEvents(Boolean enabled) {
      this.remoteEvents = enabled;
      return this;
    }

    /**
     * Encrypts the values this cache stores in Redis with AES-256-GCM under {@code settings}' key
     * ring ({@code null}, the default: no encryption). Not for the memory store, which never
     * serializes values.
     */
    public Builder<K, V> encryption(EncryptionSettings settings) {
      this.encryption = settings;
      return this;
    }

    /** What a read does with stored bytes it cannot decode (default {@link CorruptValuePolicy#FAIL}). */
    public Builder<K, V> corruptValuePolicy(CorruptValuePolicy policy) {
      this.corruptValuePolicy = policy;
      return this;
    }

    /**
     * Attaches an extension module's settings (one object per settings class; a later one replaces
     * an earlier one). Extensions read them back with {@link StrataConfiguration#getExtension}.
     */
    public Builder<K, V> extension(Serializable settings) {
      extensions.put(settings.getClass(), settings);
      return this;
    }

    SerializationSettings currentSerialization() {
      return serialization;
    }

    EncryptionSettings currentEncryption() {
      return encryption == null ? EncryptionSettings.none() : encryption;
    }

    /** The configuration. Validation happens when a cache is created from it. */
    public StrataConfiguration<K, V> build() {
      return new StrataConfiguration<>(this);
    }
  }
}
