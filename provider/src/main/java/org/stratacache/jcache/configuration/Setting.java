package org.stratacache.jcache.configuration;

import java.util.Locale;

/**
 * Every Strata setting that can come from outside code: its key in a configuration file, its
 * property ({@code strata.<key>}, as a cache manager property or JVM system property), its
 * environment variable where it has one, what it accepts and its default. The configuration
 * reference in the user guide is checked against this list.
 */
public enum Setting {
  /** Where entries are kept. */
  STORE("store", null, "memory, redis or auto", "auto: redis when a Redis URI is set, else memory", true),
  /** The Redis URI. */
  REDIS_URI("redis-uri", "REDIS_URL", "a Redis URI (redis://, rediss://, redis-sentinel://, redis-cluster://)",
      "none", true),
  /** The first segment of Redis keys. */
  KEY_PREFIX("key-prefix", null, "1 to 64 letters, digits, '.', '_' or '-'", "strata", true),
  /** How long a Redis command may take. */
  REDIS_TIMEOUT("redis-timeout", null, "a positive duration (2s, 500ms, PT2S)", "2s", true),
  /** The CA certificates (PEM) a TLS connection to Redis trusts. */
  REDIS_TLS_CA_FILE("redis-tls.ca-file", "REDIS_TLS_CA_FILE", "a PEM file", "the JVM's trust store", true),
  /** The client certificate (PEM) for mutual TLS. */
  REDIS_TLS_CLIENT_CERT_FILE("redis-tls.client-cert-file", "REDIS_TLS_CLIENT_CERT_FILE", "a PEM file", "none", true),
  /** The client key (PKCS#8 PEM) for mutual TLS. */
  REDIS_TLS_CLIENT_KEY_FILE("redis-tls.client-key-file", "REDIS_TLS_CLIENT_KEY_FILE", "a PKCS#8 PEM file", "none",
      true),
  /** The client keystore (PKCS#12) for mutual TLS. */
  REDIS_TLS_KEYSTORE_FILE("redis-tls.keystore-file", "REDIS_TLS_KEYSTORE_FILE", "a PKCS#12 file", "none", true),
  /** The password of the keystore or of an encrypted client key. */
  REDIS_TLS_KEY_PASSWORD("redis-tls.key-password", "REDIS_TLS_KEY_PASSWORD", "a password (never logged)", "none",
      true),
  /** Whether the server certificate must name the host of the URI. */
  REDIS_TLS_VERIFY_HOSTNAME("redis-tls.verify-hostname", "REDIS_TLS_VERIFY_HOSTNAME", "true or false", "true", true),
  /** The lifetime of entries when no expiry policy is set. */
  DEFAULT_TTL("default-ttl", "CACHE_DEFAULT_TTL", "a positive duration (seconds, 30m, 2h, 1d, PT2H)",
      "eternal", true),
  /** The bound of the in-memory store. */
  MAXIMUM_SIZE("maximum-size", null, "a whole number, 0 or more (0: no bound)", "0", true),
  /** Serialized size from which values are compressed. */
  COMPRESSION_THRESHOLD("compression-threshold", "CACHE_COMPRESSION_THRESHOLD", "a whole number of bytes, 0 or more",
      "1000", true),
  /** The zstd level. */
  COMPRESSION_LEVEL("compression-level", "CACHE_COMPRESSION_LEVEL", "a whole number from 1 to 22", "6", true),
  /** What a read does with bytes it cannot decode. */
  CORRUPT_VALUES("corrupt-values", null, "fail or miss", "fail", true),
  /** What the cache does while Redis is away. */
  RESILIENCE("resilience", null, "fail, miss or local-fallback", "fail", true),
  /** The bound of the fallback store. */
  FALLBACK_MAXIMUM_SIZE("fallback-maximum-size", null, "a whole number, 0 or more", "10000", true),
  /** The bound of the near cache in front of Redis. */
  NEAR_CACHE_MAXIMUM_SIZE("near-cache.maximum-size", null, "a whole number, 0 (no near cache) or more", "0", true),
  /** Whether listeners also hear the writes and expirations of other JVMs (Redis store). */
  REMOTE_EVENTS("remote-events", null, "true or false", "false", true),
  /** Statistics and their MXBean. */
  STATISTICS("statistics", null, "true or false", "false", false),
  /** The configuration MXBean. */
  MANAGEMENT("management", null, "true or false", "false", false),
  /** Copies in and out (memory store). */
  STORE_BY_VALUE("store-by-value", null, "true or false", "true", false),
  /** The key class. */
  KEY_TYPE("key-type", null, "a class name", "java.lang.Object", false),
  /** The value class. */
  VALUE_TYPE("value-type", null, "a class name", "java.lang.Object", false),
  /** Packages whose classes may be serialized to Redis. */
  ALLOWED_PACKAGES("serialization.allowed-packages", null, "a list of package names", "none", true),
  /** Classes that may be serialized to Redis. */
  ALLOWED_CLASSES("serialization.allowed-classes", null, "a list of class names", "none", true),
  /** The most stored bytes of one value. */
  LIMIT_VALUE_SIZE(DecodeLimits.Limit.VALUE_SIZE),
  /** The most bytes of one value once decompressed. */
  LIMIT_DECODED_SIZE(DecodeLimits.Limit.DECODED_SIZE),
  /** The most elements of a collection, array or map, or characters of a string, in a stored value. */
  LIMIT_LENGTH(DecodeLimits.Limit.LENGTH),
  /** The deepest nesting of objects in a value. */
  LIMIT_DEPTH(DecodeLimits.Limit.DEPTH),
  /** The most hash-code work while reading hash-based sets and maps. */
  LIMIT_HASH_WORK(DecodeLimits.Limit.HASH_WORK),
  /** Classes registered under numeric ids. */
  REGISTRATIONS("serialization.registrations", null, "a map of class name to id (100 or more)", "none", false),
  /** How values are written to Redis: Kryo, or JSON that other languages read. */
  SERIALIZATION_FORMAT("serialization.format", null, "kryo or json", "kryo", false),
  /** The encryption key ring (secret). */
  ENCRYPTION_KEYS("encryption.keys", "CACHE_ENCRYPTION_KEYS",
      "key ids (0 to 65535) with 32-byte keys in Base64: 1:<base64>,2:<base64> (or a map)", "none: no encryption",
      true, true),
  /** The key new values are encrypted with. */
  ENCRYPTION_CURRENT_KEY("encryption.current-key", "CACHE_ENCRYPTION_CURRENT_KEY", "a key id of encryption.keys",
      "the only key, when there is one", true, true),
  /** Whether values stored without encryption are refused. */
  ENCRYPTION_REQUIRE("encryption.require", "CACHE_ENCRYPTION_REQUIRE", "true or false", "false", true, true);

  /** Prefix of the property form of every key. */
  public static final String PROPERTY_PREFIX = "strata.";

  private final String key;
  private final String environmentVariable;
  private final String accepts;
  private final String defaultValue;
  private final boolean managerDefault;
  private final boolean secret;
  private final DecodeLimits.Limit limit;

  Setting(String key, String environmentVariable, String accepts, String defaultValue, boolean managerDefault) {
    this(key, environmentVariable, accepts, defaultValue, managerDefault, false);
  }

  Setting(DecodeLimits.Limit limit) {
    this(limit.key(), null, limit.accepts(), String.valueOf(limit.defaultValue()), true, false, limit);
  }

  Setting(String key, String environmentVariable, String accepts, String defaultValue, boolean managerDefault,
          boolean secret) {
    this(key, environmentVariable, accepts, defaultValue, managerDefault, secret, null);
  }

  Setting(String key, String environmentVariable, String accepts, String defaultValue, boolean managerDefault,
          boolean secret, DecodeLimits.Limit limit) {
    this.limit = limit;
    this.secret = secret;
    this.key = key;
    this.environmentVariable = environmentVariable;
    this.accepts = accepts;
    this.defaultValue = defaultValue;
    this.managerDefault = managerDefault;
  }

  /** The key in a configuration file (in a cache's section, or at the top for every cache). */
  public String key() {
    return key;
  }

  /** The property: {@code strata.} and the key. */
  public String property() {
    return PROPERTY_PREFIX + key;
  }

  /** The environment variable, or {@code null}. */
  public String environmentVariable() {
    return environmentVariable;
  }

  /** What values the setting accepts. */
  public String accepts() {
    return accepts;
  }

  /** The value when nothing sets it. */
  public String defaultValue() {
    return defaultValue;
  }

  /** Whether a manager-wide value (file top level, property, environment) fills a cache that leaves it unset. */
  public boolean isManagerDefault() {
    return managerDefault;
  }

  /** Whether values of this setting are never shown (in messages, logs or {@code toString}). */
  public boolean isSecret() {
    return secret;
  }

  /** The decoding bound this setting sets, or {@code null}. */
  public DecodeLimits.Limit limit() {
    return limit;
  }

  /** The setting with this file key, or {@code null}. */
  public static Setting byKey(String key) {
    for (Setting setting : values()) {
      if (setting.key.equals(key)) {
        return setting;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return key.toLowerCase(Locale.ROOT);
  }
}
