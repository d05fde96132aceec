package org.stratacache.jcache.configuration;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stratacache.jcache.codec.ValueSerializer;
import org.stratacache.jcache.internal.Messages;

/**
 * Every Strata setting that can come from outside code, each declared once: its key in a
 * configuration file, its property ({@code strata.<key>}, as a cache manager property or JVM system
 * property), its environment variable where it has one, how its text is parsed, the range it must
 * lie in, its default, where a configuration holds it and how it is applied to a builder. The file
 * reader, the environment reader, validation and the configuration reference in the user guide all
 * come from this list.
 */
public enum Setting {
  /** Where entries are kept. */
  STORE(spec("store", "storeType").parser(SettingParsers.enumOf(StoreType.class)).accepts("memory, redis or auto")
      .defaultText("auto: redis when a Redis URI is set, else memory")
      .configured(c -> c.getStoreType() == StoreType.AUTO ? null : c.getStoreType())
      .apply((b, v) -> b.storeType((StoreType) v))),
  /** The Redis URI. */
  REDIS_URI(spec("redis-uri", "redisUri").env("REDIS_URL").parser(SettingParsers::text)
      .accepts("a Redis URI (redis://, rediss://, redis-sentinel://, redis-cluster://)").defaultText("none")
      .configured(c -> c.getRedis().uri).apply((b, v) -> b.redisUri((String) v))),
  /** The first segment of Redis keys. */
  KEY_PREFIX(spec("key-prefix", "keyPrefix").parser(SettingParsers::text)
      .pattern("[A-Za-z0-9._-]{1,64}", "must be 1 to 64 letters, digits, '.', '_' or '-'")
      .defaultValue("strata").configured(c -> c.getRedis().keyPrefix).apply((b, v) -> b.keyPrefix((String) v))),
  /** Whether a Redis cache keeps a size index (its entry count without a SCAN; needed by a bound). */
  REDIS_SIZE_INDEX(spec("redis-size-index", "redisSizeIndex").bool(true).configured(c -> c.getRedis().sizeIndex)
      .apply((b, v) -> b.redisSizeIndex((Boolean) v))),
  /** How long a Redis command may take. */
  REDIS_TIMEOUT(spec("redis-timeout", "redisTimeout").duration().accepts("a positive duration (2s, 500ms, PT2S)")
      .defaultValue(Duration.ofSeconds(2)).defaultText("2s").configured(c -> c.getRedis().timeout)
      .apply((b, v) -> b.redisTimeout((Duration) v))),
  /** The CA certificates (PEM) a TLS connection to Redis trusts. */
  REDIS_TLS_CA_FILE(spec("redis-tls.ca-file", "redisTls.caFile").env("REDIS_TLS_CA_FILE")
      .parser(SettingParsers::text).accepts("a PEM file").defaultText("the JVM's trust store")
      .configured(c -> c.getRedis().getTls().getCaFile()).tls((t, v) -> t.caFile((String) v))),
  /** The client certificate (PEM) for mutual TLS. */
  REDIS_TLS_CLIENT_CERT_FILE(spec("redis-tls.client-cert-file", "redisTls.clientCertFile")
      .env("REDIS_TLS_CLIENT_CERT_FILE").parser(SettingParsers::text).accepts("a PEM file").defaultText("none")
      .configured(c -> c.getRedis().getTls().getClientCertFile()).tls((t, v) -> t.clientCertFile((String) v))),
  /** The client key (PKCS#8 PEM) for mutual TLS. */
  REDIS_TLS_CLIENT_KEY_FILE(spec("redis-tls.client-key-file", "redisTls.clientKeyFile")
      .env("REDIS_TLS_CLIENT_KEY_FILE").parser(SettingParsers::text).accepts("a PKCS#8 PEM file").defaultText("none")
      .configured(c -> c.getRedis().getTls().getClientKeyFile()).tls((t, v) -> t.clientKeyFile((String) v))),
  /** The client keystore (PKCS#12) for mutual TLS. */
  REDIS_TLS_KEYSTORE_FILE(spec("redis-tls.keystore-file", "redisTls.keystoreFile").env("REDIS_TLS_KEYSTORE_FILE")
      .parser(SettingParsers::text).accepts("a PKCS#12 file").defaultText("none")
      .configured(c -> c.getRedis().getTls().getKeystoreFile()).tls((t, v) -> t.keystoreFile((String) v))),
  /** The password of the keystore or of an encrypted client key. */
  REDIS_TLS_KEY_PASSWORD(spec("redis-tls.key-password", "redisTls.keyPassword").env("REDIS_TLS_KEY_PASSWORD")
      .parser(SettingParsers::password).masked().accepts("a password (never logged)").defaultText("none")
      .configured(c -> c.getRedis().getTls().getKeyPassword()).tls((t, v) -> t.keyPassword((String) v))),
  /** Whether the server certificate must name the host of the URI. */
  REDIS_TLS_VERIFY_HOSTNAME(spec("redis-tls.verify-hostname", "redisTls.verifyHostname")
      .env("REDIS_TLS_VERIFY_HOSTNAME").bool(true)
      .configured(c -> c.getRedis().getTls().getVerifyHostname()).tls((t, v) -> t.verifyHostname((Boolean) v))),
  /** The lifetime of entries when no expiry policy is set. */
  DEFAULT_TTL(spec("default-ttl", "defaultTtl").env("CACHE_DEFAULT_TTL").duration()
      .accepts("a positive duration (seconds, 30m, 2h, 1d, PT2H)").defaultText("eternal")
      .configured(StrataConfiguration::getDefaultTtl).apply((b, v) -> b.defaultTtl((Duration) v))),
  /** The bound of the in-memory store. */
  MAXIMUM_SIZE(spec("maximum-size", "maximumSize").longRange(0, Long.MAX_VALUE)
      .accepts("a whole number, 0 or more (0: no bound)").defaultValue(0L)
      .configured(c -> c.getMemory().maximumSize()).apply((b, v) -> b.maximumSize((Long) v))),
  /** Serialized size from which values are compressed. */
  COMPRESSION_THRESHOLD(spec("compression-threshold", "compressionThreshold").env("CACHE_COMPRESSION_THRESHOLD")
      .intRange(0, Integer.MAX_VALUE).accepts("a whole number of bytes, 0 or more").defaultValue(1000)
      .configured(c -> c.getCodec().compressionThreshold).apply((b, v) -> b.compressionThreshold((Integer) v))),
  /** The zstd level. */
  COMPRESSION_LEVEL(spec("compression-level", "compressionLevel").env("CACHE_COMPRESSION_LEVEL").intRange(1, 22)
      .defaultValue(1).configured(c -> c.getCodec().compressionLevel)
      .apply((b, v) -> b.compressionLevel((Integer) v))),
  /** What a read does with bytes it cannot decode. */
  CORRUPT_VALUES(spec("corrupt-values", "corruptValuePolicy").parser(SettingParsers.enumOf(CorruptValuePolicy.class))
      .accepts("fail or miss").defaultValue(CorruptValuePolicy.FAIL).configured(c -> c.getCodec().corruptValues)
      .apply((b, v) -> b.corruptValuePolicy((CorruptValuePolicy) v))),
  /** What the cache does while Redis is away. */
  RESILIENCE(spec("resilience", "resiliencePolicy").parser(SettingParsers.enumOf(ResiliencePolicy.class))
      .accepts("fail, miss or local-fallback").defaultValue(ResiliencePolicy.FAIL)
      .configured(c -> c.getResilience().policy).apply((b, v) -> b.resiliencePolicy((ResiliencePolicy) v))),
  /** The bound of the fallback store. */
  FALLBACK_MAXIMUM_SIZE(spec("fallback-maximum-size", "fallbackMaximumSize").longRange(0, Long.MAX_VALUE)
      .accepts("a whole number, 0 or more").defaultValue(10_000L)
      .configured(c -> c.getResilience().fallbackMaximumSize).apply((b, v) -> b.fallbackMaximumSize((Long) v))),
  /** The bound of the near cache in front of Redis. */
  NEAR_CACHE_MAXIMUM_SIZE(spec("near-cache.maximum-size", "nearCacheMaximumSize").longRange(0, Long.MAX_VALUE)
      .accepts("a whole number, 0 (no near cache) or more").defaultValue(0L)
      .configured(c -> c.getNearCache().maximumSize()).apply((b, v) -> b.nearCacheMaximumSize((Long) v))),
  /** Whether listeners also hear the writes and expirations of other JVMs (Redis store). */
  REMOTE_EVENTS(spec("remote-events", "remoteEvents").bool(false).configured(c -> c.getEvents().remote())
      .apply((b, v) -> b.remoteEvents((Boolean) v))),
  /** Statistics and their MXBean. */
  STATISTICS(spec("statistics", "statisticsEnabled").bool(false).cacheOnly()
      .apply((b, v) -> b.statisticsEnabled((Boolean) v))),
  /** The configuration MXBean. */
  MANAGEMENT(spec("management", "managementEnabled").bool(false).cacheOnly()
      .apply((b, v) -> b.managementEnabled((Boolean) v))),
  /** Copies in and out (memory store). */
  STORE_BY_VALUE(spec("store-by-value", "storeByValue").bool(true).cacheOnly()
      .apply((b, v) -> b.storeByValue((Boolean) v))),
  /** The key class. */
  KEY_TYPE(spec("key-type", "keyType").parser(SettingParsers::type).accepts("a class name")
      .defaultText("java.lang.Object").cacheOnly()),
  /** The value class. */
  VALUE_TYPE(spec("value-type", "valueType").parser(SettingParsers::type).accepts("a class name")
      .defaultText("java.lang.Object").cacheOnly()),
  /** Packages whose classes may be serialized to Redis. */
  ALLOWED_PACKAGES(spec("serialization.allowed-packages", "serialization").parser((raw, loader) ->
      SettingParsers.list(raw)).accepts("a list of package names").defaultText("none").merged()
      .serialization((s, v) -> allowPackages(s, v))),
  /** Classes that may be serialized to Redis. */
  ALLOWED_CLASSES(spec("serialization.allowed-classes", "serialization").parser(SettingParsers::classes)
      .accepts("a list of class names").defaultText("none").merged().serialization((s, v) -> allowClasses(s, v))),
  /** The most stored bytes of one value. */
  LIMIT_VALUE_SIZE(limit(DecodeLimits.Limit.VALUE_SIZE)),
  /** The most bytes of one value once decompressed. */
  LIMIT_DECODED_SIZE(limit(DecodeLimits.Limit.DECODED_SIZE)),
  /** The most elements of a collection, array or map, or characters of a string, in a stored value. */
  LIMIT_LENGTH(limit(DecodeLimits.Limit.LENGTH)),
  /** The deepest nesting of objects in a value. */
  LIMIT_DEPTH(limit(DecodeLimits.Limit.DEPTH)),
  /** The most hash-code work while reading hash-based sets and maps. */
  LIMIT_HASH_WORK(limit(DecodeLimits.Limit.HASH_WORK)),
  /** Classes registered under numeric ids. */
  REGISTRATIONS(spec("serialization.registrations", "serialization").parser(SettingParsers::registrations)
      .accepts("a map of class name to id (100 or more)").defaultText("none").cacheOnly()
      .serialization((s, v) -> register(s, v))),
  /** How values are written to Redis: Kryo, or JSON that other languages read. */
  SERIALIZATION_FORMAT(spec("serialization.format", "serialization.format")
      .parser(SettingParsers.enumOf(SerializationFormat.class)).accepts("kryo or json")
      .defaultValue(SerializationFormat.KRYO).cacheOnly().configured(c -> c.getSerialization().configuredFormat())
      .serialization((s, v) -> s.format((SerializationFormat) v))),
  /** The application's own serializer of values, instead of a built-in format. */
  SERIALIZATION_SERIALIZER(spec("serialization.serializer", "serialization.serializer")
      .parser((raw, loader) -> SerializationSettings.checkSerializer(SettingParsers.type(raw, loader)))
      .accepts("a public class implementing org.stratacache.jcache.codec.ValueSerializer with a public "
          + "no-argument constructor").defaultText("none: serialization.format decides").cacheOnly()
      .configured(c -> c.getSerialization().serializer())
      .serialization((s, v) -> s.serializer(((Class<?>) v).asSubclass(ValueSerializer.class)))),
  /** The encryption key ring (secret). */
  ENCRYPTION_KEYS(spec("encryption.keys", "encryption.keys").env("CACHE_ENCRYPTION_KEYS")
      .parser((raw, loader) -> EncryptionKeys.parse(raw)).secret()
      .accepts("key ids (0 to 65535) with 32-byte keys in Base64: 1:<base64>,2:<base64> (or a map)")
      .defaultText("none: no encryption").configured(StrataConfiguration::getEncryption)
      .apply((b, v) -> {
        @SuppressWarnings("unchecked")
        Map<Integer, byte[]> keys = (Map<Integer, byte[]>) v;
        b.encryption(b.currentEncryption().withKeys(keys));
      })),
  /** The key new values are encrypted with. */
  ENCRYPTION_CURRENT_KEY(spec("encryption.current-key", "encryption.current").env("CACHE_ENCRYPTION_CURRENT_KEY")
      .intRange(0, EncryptionSettings.MAX_KEY_ID).secret().accepts("a key id of encryption.keys")
      .defaultText("the only key, when there is one").configured(StrataConfiguration::getEncryption)
      .apply((b, v) -> b.encryption(b.currentEncryption().current((Integer) v)))),
  /** Whether values stored without encryption are refused. */
  ENCRYPTION_REQUIRE(spec("encryption.require", "encryption.required").env("CACHE_ENCRYPTION_REQUIRE").bool(false)
      .secret().configured(StrataConfiguration::getEncryption).apply((b, v) -> {
        // "false" without keys is no encryption at all; "true" without keys fails validation
        if ((Boolean) v || !b.currentEncryption().keys().isEmpty()) {
          b.encryption(b.currentEncryption().require((Boolean) v));
        }
      })),
  /** Threads of a cache manager delivering events to asynchronous listeners. */
  THREADS_LISTENERS(threads("threads.listeners")),
  /** Threads of a cache manager running {@code loadAll}. */
  THREADS_LOADERS(threads("threads.loaders")),
  /** Threads of a cache manager decoding other JVMs' events and near-cache invalidations. */
  THREADS_EVENTS(threads("threads.events")),
  /** Tasks each pool of a cache manager lets wait before it pushes back. */
  THREADS_QUEUE(spec("threads.queue", "threads.queue").intRange(1, 10_000_000).defaultValue(10_000).managerOnly());

  /** Prefix of the property form of every key. */
  public static final String PROPERTY_PREFIX = "strata.";

  private final SettingSpec spec;

  Setting(SettingSpec spec) {
    this.spec = spec;
  }

  private static SettingSpec spec(String key, String field) {
    return new SettingSpec(key, field);
  }

  private static SettingSpec limit(DecodeLimits.Limit limit) {
    return spec(limit.key(), "serialization.limits").longRange(limit.min(), limit.max()).accepts(limit.accepts())
        .defaultValue(limit.defaultValue())
        .configured(c -> c.getSerialization().limits().configured(limit))
        .serialization((s, v) -> s.limits(s.limits().with(limit, (Long) v)));
  }

  /** The size of one pool of a cache manager: by default twice the available processors, at most 16. */
  private static SettingSpec threads(String key) {
    return spec(key, key).intRange(1, 256).managerOnly()
        .defaultValue(Math.min(2 * Runtime.getRuntime().availableProcessors(), 16))
        .defaultText("twice the available processors, at most 16");
  }

  /** The key in a configuration file (in a cache's section, or at the top for every cache). */
  public String key() {
    return spec.key;
  }

  /** The property: {@code strata.} and the key. */
  public String property() {
    return PROPERTY_PREFIX + spec.key;
  }

  /** The environment variable, or {@code null}. */
  public String environmentVariable() {
    return spec.environmentVariable;
  }

  /** What values the setting accepts. */
  public String accepts() {
    return spec.accepts;
  }

  /** The value when nothing sets it, as the reference shows it. */
  public String defaultValue() {
    return spec.shownDefault();
  }

  /** The typed value when nothing sets it, or {@code null} when unset means none (no URI, eternal, ...). */
  public Object typedDefault() {
    return spec.defaultValue;
  }

  /**
   * Whether a manager-wide value (file top level, property, environment) is read: it fills a cache
   * that leaves the setting unset, or, for a {@linkplain #isManagerOnly() manager-only} setting, it
   * is the setting.
   */
  public boolean isManagerDefault() {
    return spec.managerDefault;
  }

  /**
   * Whether the setting belongs to the cache manager (the size of its pools), not to its caches: read
   * once when the manager is created, never set in a cache's section nor held by a configuration.
   */
  public boolean isManagerOnly() {
    return spec.managerOnly;
  }

  /** Whether values from every level are combined (allow-lists) rather than the first one winning. */
  public boolean isMerged() {
    return spec.merged;
  }

  /** Whether values of this setting are never shown (in messages, logs or {@code toString}). */
  public boolean isSecret() {
    return spec.secret;
  }

  /** The name of the builder method that sets it in code, as validation messages name it. */
  public String field() {
    return spec.field;
  }

  /**
   * The typed value of {@code raw} (text from a property or the environment, or a YAML scalar, list
   * or map).
   *
   * <p>A {@link #REDIS_URI} is only checked to be text here: the Redis store, which depends on
   * Lettuce, checks that Lettuce can connect to it where settings are read (reporting a refusal with
   * {@link #refused(Object, IllegalArgumentException)}).
   *
   * @throws IllegalArgumentException saying what the setting accepts (the value masked or left out
   *                                  when it is a secret); callers add where the value came from
   */
  public Object parse(Object raw, ClassLoader loader) {
    try {
      return spec.parser.parse(raw, loader);
    } catch (IllegalArgumentException e) {
      throw refused(raw, e);
    }
  }

  /**
   * The failure {@link #parse} reports when {@code raw} is refused for {@code reason}: what the
   * setting accepts, the value masked (a Redis URI's password) or left out (a secret), and no cause
   * that quotes it.
   */
  public IllegalArgumentException refused(Object raw, IllegalArgumentException reason) {
    if (spec.secret) {
      // neither the value nor a cause quoting it: only why it was refused
      return new IllegalArgumentException("the value (not shown) is not allowed: " + key() + " takes "
          + accepts() + (this == ENCRYPTION_KEYS ? " (" + reason.getMessage() + ")" : ""));
    }
    Object shown = this == REDIS_URI ? Messages.maskUri(String.valueOf(raw)) : spec.masked ? "****" : raw;
    return new IllegalArgumentException("'" + shown + "' is not allowed: " + key() + " takes " + accepts(),
        this == REDIS_URI ? null : reason);
  }

  /**
   * Why {@code value}, set in code or parsed, is outside this setting's range, or {@code null} when
   * it is within (or the setting has no range).
   */
  public String violation(Object value) {
    return value == null || spec.constraint == null ? null : spec.constraint.apply(value);
  }

  /** The value {@code configuration} sets, or {@code null} when it leaves this setting unset. */
  public Object configuredIn(StrataConfiguration<?, ?> configuration) {
    return spec.configured == null ? null : spec.configured.apply(configuration);
  }

  /** Sets a parsed value on {@code builder} (merged into what it holds for allow-lists). */
  public void applyTo(StrataConfiguration.Builder<?, ?> builder, Object value) {
    if (spec.apply != null) {
      spec.apply.accept(builder, value);
    }
  }

  /** The setting with this file key, or {@code null}. */
  public static Setting byKey(String key) {
    for (Setting setting : values()) {
      if (setting.spec.key.equals(key)) {
        return setting;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return spec.key.toLowerCase(Locale.ROOT);
  }

  @SuppressWarnings("unchecked")
  private static SerializationSettings allowPackages(SerializationSettings settings, Object value) {
    SerializationSettings result = settings;
    for (String name : (List<String>) value) {
      result = result.allowPackage(name);
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static SerializationSettings allowClasses(SerializationSettings settings, Object value) {
    SerializationSettings result = settings;
    for (Class<?> type : (List<Class<?>>) value) {
      result = result.allowClass(type);
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static SerializationSettings register(SerializationSettings settings, Object value) {
    SerializationSettings result = settings;
    for (Map.Entry<Class<?>, Integer> entry : ((Map<Class<?>, Integer>) value).entrySet()) {
      result = result.register(entry.getKey(), entry.getValue());
    }
    return result;
  }
}
