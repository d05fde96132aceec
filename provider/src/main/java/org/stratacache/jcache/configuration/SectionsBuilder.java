package org.stratacache.jcache.configuration;

import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stratacache.jcache.codec.ValueSerializer;
import org.stratacache.jcache.expiry.Ticker;

/**
 * The part of {@link StrataConfiguration.Builder} that sets Strata's own settings: a whole section at
 * a time ({@link #redis(RedisSettings)}, {@link #codec(CodecSettings)}, ...) or one setting at a time
 * ({@link #redisUri(String)}, {@link #compressionLevel(Integer)}, ...). Unset settings are filled by
 * the cache manager's defaults when the cache is created. Not thread-safe.
 *
 * @param <B> the builder type every method returns
 */
public abstract class SectionsBuilder<B extends SectionsBuilder<B>> {

  Ticker ticker;
  StoreType storeType = StoreType.AUTO;
  Duration defaultTtl;
  MemorySettings memory = MemorySettings.defaults();
  RedisSettings redis = RedisSettings.defaults();
  CodecSettings codec = CodecSettings.defaults();
  SerializationSettings serialization = SerializationSettings.none();
  EncryptionSettings encryption;
  ResilienceSettings resilience = ResilienceSettings.defaults();
  NearCacheSettings nearCache = NearCacheSettings.defaults();
  EventSettings events = EventSettings.defaults();
  final Map<Class<?>, Serializable> extensions = new LinkedHashMap<>();

  SectionsBuilder() {
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** The clock for expiry (for tests; {@code null} is the system clock). */
  public B ticker(Ticker clock) {
    this.ticker = clock;
    return self();
  }

  /** Where entries are kept (default {@link StoreType#AUTO}). */
  public B storeType(StoreType type) {
    this.storeType = type;
    return self();
  }

  /**
   * Entries expire this long after they are created, unless an expiry policy is set (the same as
   * {@code expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(ttl))}, but a default the cache manager
   * may also supply: {@code default-ttl}, {@code CACHE_DEFAULT_TTL}).
   */
  public B defaultTtl(Duration ttl) {
    this.defaultTtl = ttl;
    return self();
  }

  /** The in-memory store's section ({@code null}: defaults). */
  public B memory(MemorySettings settings) {
    this.memory = settings == null ? MemorySettings.defaults() : settings;
    return self();
  }

  /** The Redis section ({@code null}: defaults). */
  public B redis(RedisSettings settings) {
    this.redis = settings == null ? RedisSettings.defaults() : settings;
    return self();
  }

  /** The codec section: compression and what a read does with corrupt bytes ({@code null}: defaults). */
  public B codec(CodecSettings settings) {
    this.codec = settings == null ? CodecSettings.defaults() : settings;
    return self();
  }

  /** The classes a serializing store may write and read, beyond the built-in JDK types. */
  public B serialization(SerializationSettings settings) {
    this.serialization = settings;
    return self();
  }

  /**
   * Stores this cache's values with the application's {@code serializer} instead of a built-in
   * format (see {@link SerializationSettings#serializer(Class)}), keeping the rest of the serialization settings.
   */
  public B serializer(Class<? extends ValueSerializer> serializer) {
    this.serialization = serialization.serializer(serializer);
    return self();
  }

  /**
   * Encrypts the values this cache stores in Redis with AES-256-GCM under {@code settings}' key
   * ring ({@code null}, the default: no encryption). Not for the memory store, which never
   * serializes values.
   */
  public B encryption(EncryptionSettings settings) {
    this.encryption = settings;
    return self();
  }

  /** The resilience section ({@code null}: defaults). */
  public B resilience(ResilienceSettings settings) {
    this.resilience = settings == null ? ResilienceSettings.defaults() : settings;
    return self();
  }

  /** The near cache section ({@code null}: defaults). */
  public B nearCache(NearCacheSettings settings) {
    this.nearCache = settings == null ? NearCacheSettings.defaults() : settings;
    return self();
  }

  /** The events section ({@code null}: defaults). */
  public B events(EventSettings settings) {
    this.events = settings == null ? EventSettings.defaults() : settings;
    return self();
  }

  /** Bounds the in-memory store to this many entries, evicting by W-TinyLFU; {@code 0}: no bound. */
  public B maximumSize(long entries) {
    return memory(new MemorySettings(entries));
  }

  /** {@link #maximumSize(long)}, or {@code null} to leave it to the cache manager's default. */
  public B maximumSize(Long entries) {
    return memory(new MemorySettings(entries));
  }

  /**
   * Puts the cache on Redis at {@code uri}, in any form Lettuce understands: {@code redis://},
   * {@code rediss://} (TLS), {@code redis://user:password@host:port/database}, {@code redis-sentinel://}.
   */
  public B redisUri(String uri) {
    return redis(redis.withUri(uri));
  }

  /** The first segment of the cache's Redis keys (default {@code strata}). */
  public B keyPrefix(String prefix) {
    return redis(redis.withKeyPrefix(prefix));
  }

  /**
   * Whether the cache keeps a size index in Redis (default true; see {@link RedisSettings#isSizeIndex()}):
   * off saves a script per write and about 120 bytes per entry, and leaves the cache without a size
   * figure; a bounded cache ({@code maximumSize}) needs it.
   */
  public B redisSizeIndex(boolean kept) {
    return redis(redis.withSizeIndex(kept));
  }

  /** How long a Redis command may take before it fails (default 2 s). */
  public B redisTimeout(Duration timeout) {
    return redis(redis.withTimeout(timeout));
  }

  /**
   * How {@code rediss://} connections trust the server and present a client certificate (default: the
   * JVM's trust store, no client certificate, host names verified). Caches on the same URI with
   * different TLS settings get different connections.
   */
  public B redisTls(RedisTlsSettings settings) {
    return redis(redis.withTls(settings));
  }

  /** Serialized size in bytes from which values are compressed with zstd (default 1,000). */
  public B compressionThreshold(Integer bytes) {
    return codec(codec.withCompressionThreshold(bytes));
  }

  /** The zstd level, 1 to 22 (default 1). */
  public B compressionLevel(Integer level) {
    return codec(codec.withCompressionLevel(level));
  }

  /** What a read does with stored bytes it cannot decode (default {@link CorruptValuePolicy#FAIL}). */
  public B corruptValuePolicy(CorruptValuePolicy policy) {
    return codec(codec.withCorruptValuePolicy(policy));
  }

  /** What the cache does while Redis is away (default {@link ResiliencePolicy#FAIL}). */
  public B resiliencePolicy(ResiliencePolicy policy) {
    return resilience(resilience.withPolicy(policy));
  }

  /** The bound of the in-memory store used while Redis is away (default 10,000 entries). */
  public B fallbackMaximumSize(long entries) {
    return resilience(resilience.withFallbackMaximumSize(entries));
  }

  /** {@link #fallbackMaximumSize(long)}, or {@code null} to leave it to the default. */
  public B fallbackMaximumSize(Long entries) {
    return resilience(resilience.withFallbackMaximumSize(entries));
  }

  /**
   * Keeps up to {@code entries} recently read entries of a Redis cache in memory, in front of Redis,
   * invalidated by Redis when any client changes them (Redis 6 or later; on a Redis Cluster, tracked on every master).
   * Reads whose expiry policy leaves the lifetime unchanged on access are served from memory.
   * {@code 0} (the default): no near cache.
   */
  public B nearCacheMaximumSize(long entries) {
    return nearCache(new NearCacheSettings(entries));
  }

  /** {@link #nearCacheMaximumSize(long)}, or {@code null} to leave it to the default. */
  public B nearCacheMaximumSize(Long entries) {
    return nearCache(new NearCacheSettings(entries));
  }

  /**
   * With {@code true}, the cache's listeners (registered the standard way) also hear creates,
   * updates and removals made by other JVMs' caches of the same name and prefix, and the
   * expirations Redis reports; the cache tells the others of its own writes. Redis store only.
   */
  public B remoteEvents(boolean enabled) {
    return events(new EventSettings(enabled));
  }

  /** {@link #remoteEvents(boolean)}, or {@code null} to leave it to the default. */
  public B remoteEvents(Boolean enabled) {
    return events(new EventSettings(enabled));
  }

  /**
   * Attaches an extension module's settings section (one object per settings class; a later one
   * replaces an earlier one). Extensions read them back with {@link StrataConfiguration#getSection}.
   */
  public B extension(Serializable settings) {
    extensions.put(settings.getClass(), settings);
    return self();
  }

  void copySections(Ticker clock, StoreType type, Duration ttl, StrataConfiguration<?, ?> from) {
    ticker(clock).storeType(type).defaultTtl(ttl).memory(from.getMemory()).redis(from.getRedis())
        .codec(from.getCodec()).serialization(from.getSerialization()).encryption(from.getEncryption())
        .resilience(from.getResilience()).nearCache(from.getNearCache()).events(from.getEvents());
  }

  RedisTlsSettings currentRedisTls() {
    return redis.getTls();
  }

  SerializationSettings currentSerialization() {
    return serialization;
  }

  EncryptionSettings currentEncryption() {
    return encryption == null ? EncryptionSettings.none() : encryption;
  }
}
