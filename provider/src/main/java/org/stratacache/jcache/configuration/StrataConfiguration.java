package org.stratacache.jcache.configuration;

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
import org.stratacache.jcache.expiry.Ticker;

/**
 * An immutable cache configuration: everything a {@code MutableConfiguration} holds, flat, plus
 * Strata's own settings in immutable sections ({@link RedisSettings}, {@link CodecSettings}, ...,
 * and those extension modules attach), set one by one or a section at a time ({@link SectionsBuilder}).
 * Build one with {@link #builder(Class, Class)} or start from any JSR-107 configuration with
 * {@link #from(Configuration)}; a plain {@code MutableConfiguration} works as well.
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

  private static final long serialVersionUID = 2L;

  private final Class<K> keyType;
  private final Class<V> valueType;
  private final boolean storeByValue;
  private final boolean readThrough;
  private final boolean writeThrough;
  private final boolean statisticsEnabled;
  private final boolean managementEnabled;
  private final Factory<CacheLoader<K, V>> cacheLoaderFactory;
  private final Factory<CacheWriter<? super K, ? super V>> cacheWriterFactory;
  private final Factory<ExpiryPolicy> expiryPolicyFactory;
  private final List<CacheEntryListenerConfiguration<K, V>> listenerConfigurations;
  private final Ticker ticker;
  private final StoreType storeType;
  private final Duration defaultTtl;
  private final MemorySettings memory;
  private final RedisSettings redis;
  private final CodecSettings codec;
  private final SerializationSettings serialization;
  private final EncryptionSettings encryption;
  private final ResilienceSettings resilience;
  private final NearCacheSettings nearCache;
  private final EventSettings events;
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
    this.ticker = builder.ticker;
    this.storeType = builder.storeType;
    this.defaultTtl = builder.defaultTtl;
    this.memory = builder.memory;
    this.redis = builder.redis;
    this.codec = builder.codec;
    this.serialization = builder.serialization;
    this.encryption = builder.encryption;
    this.resilience = builder.resilience;
    this.nearCache = builder.nearCache;
    this.events = builder.events;
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
        .expiryPolicyFactory(expiryPolicyFactory);
    builder.copySections(ticker, storeType, defaultTtl, this);
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

  /** The clock expiry instants refer to (the system clock unless a test injected another). */
  public Ticker getTicker() {
    return ticker == null ? Ticker.system() : ticker;
  }

  /** Where entries are kept; {@link StoreType#AUTO} until the cache manager resolves it. */
  public StoreType getStoreType() {
    return storeType;
  }

  /**
   * The lifetime of entries when no expiry policy is configured (the JSR-107 default is eternal),
   * or {@code null}: with it, entries expire this long after they are created.
   */
  public Duration getDefaultTtl() {
    return defaultTtl;
  }

  /** Whether the expiry policy is the JSR-107 default (eternal) rather than one chosen for this cache. */
  public boolean hasDefaultExpiryPolicy() {
    return EternalExpiryPolicy.factoryOf().equals(expiryPolicyFactory);
  }

  /** The in-memory store's section. */
  public MemorySettings getMemory() {
    return memory;
  }

  /** The Redis section. */
  public RedisSettings getRedis() {
    return redis;
  }

  /** How values become stored bytes: compression and the corrupt-value policy. */
  public CodecSettings getCodec() {
    return codec;
  }

  /** The classes a serializing store may write and read, and the bounds of reading them. */
  public SerializationSettings getSerialization() {
    return serialization;
  }

  /** How values stored in Redis are encrypted, or {@code null} for not at all. */
  public EncryptionSettings getEncryption() {
    return encryption;
  }

  /** What the cache does while Redis is away. */
  public ResilienceSettings getResilience() {
    return resilience;
  }

  /** The near cache in front of Redis. */
  public NearCacheSettings getNearCache() {
    return nearCache;
  }

  /** How events travel beyond this JVM. */
  public EventSettings getEvents() {
    return events;
  }

  /** A built-in section, or one an extension attached with {@link Builder#extension}, or {@code null}. */
  public <T> T getSection(Class<T> type) {
    for (Object section : List.of(memory, redis, codec, serialization, resilience, nearCache, events)) {
      if (type.isInstance(section)) {
        return type.cast(section);
      }
    }
    return type.isInstance(encryption) ? type.cast(encryption) : type.cast(extensions.get(type));
  }

  /** {@link #getSection}, for the sections of extension modules. */
  public <T> T getExtension(Class<T> type) {
    return getSection(type);
  }

  @Override
  public String toString() {
    return "StrataConfiguration{keyType=" + keyType.getName() + ", valueType=" + valueType.getName()
        + ", storeByValue=" + storeByValue + ", readThrough=" + readThrough + ", writeThrough=" + writeThrough
        + ", statisticsEnabled=" + statisticsEnabled + ", managementEnabled=" + managementEnabled
        + ", storeType=" + storeType + ", defaultTtl=" + defaultTtl + ", " + memory + ", " + redis + ", " + codec
        + ", " + resilience + ", " + nearCache + ", " + events + ", encryption=" + encryption + "}";
  }

  /**
   * Builds a {@link StrataConfiguration}: the JSR-107 settings here, Strata's own in
   * {@link SectionsBuilder}. Not thread-safe.
   *
   * @param <K> the key type
   * @param <V> the value type
   */
  public static final class Builder<K, V> extends SectionsBuilder<Builder<K, V>> {

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

    /** The configuration. Validation happens when a cache is created from it. */
    public StrataConfiguration<K, V> build() {
      return new StrataConfiguration<>(this);
    }
  }
}
