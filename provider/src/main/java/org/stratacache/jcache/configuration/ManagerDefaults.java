package org.stratacache.jcache.configuration;

import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Settings a cache manager applies to every cache whose configuration leaves them unset.
 *
 * <p>Precedence, highest first: the cache's own configuration; the cache manager's properties
 * ({@code strata.*} keys); JVM system properties (the same keys); environment variables
 * ({@code REDIS_URL}, {@code CACHE_COMPRESSION_THRESHOLD}, {@code CACHE_COMPRESSION_LEVEL});
 * built-in defaults. Allowed serialization packages from every level are combined.
 */
public final class ManagerDefaults {

  /** Property: the Redis URI caches use by default. */
  public static final String REDIS_URI = "strata.redis.uri";
  /** Property: comma-separated packages whose classes may be serialized to Redis. */
  public static final String ALLOWED_PACKAGES = "strata.serialization.allowed-packages";
  /** Property: serialized size from which values are compressed. */
  public static final String COMPRESSION_THRESHOLD = "strata.compression.threshold";
  /** Property: zstd level. */
  public static final String COMPRESSION_LEVEL = "strata.compression.level";

  private static final String ENV_REDIS_URL = "REDIS_URL";
  private static final String ENV_COMPRESSION_THRESHOLD = "CACHE_COMPRESSION_THRESHOLD";
  private static final String ENV_COMPRESSION_LEVEL = "CACHE_COMPRESSION_LEVEL";

  private final Properties properties;
  private final UnaryOperator<String> system;
  private final UnaryOperator<String> environment;

  private ManagerDefaults(Properties properties, UnaryOperator<String> system, UnaryOperator<String> environment) {
    this.properties = properties;
    this.system = system;
    this.environment = environment;
  }

  /** Defaults from a manager's properties, the JVM's system properties and the process environment. */
  public static ManagerDefaults of(Properties managerProperties) {
    return of(managerProperties, System::getProperty, System::getenv);
  }

  /** Defaults from explicit sources (for tests). */
  public static ManagerDefaults of(Properties managerProperties, UnaryOperator<String> systemProperties,
                                   UnaryOperator<String> environment) {
    return new ManagerDefaults(managerProperties == null ? new Properties() : managerProperties, systemProperties,
        environment);
  }

  /** The Redis URI caches use unless they name their own, or {@code null}. */
  public String redisUri() {
    return setting(REDIS_URI, ENV_REDIS_URL);
  }

  /**
   * The configuration a cache gets: {@code given} with every unset setting filled and the store
   * decided ({@link StoreType#MEMORY} or {@link StoreType#REDIS}, never {@code AUTO}).
   *
   * @throws IllegalArgumentException naming the setting and its source when a default is malformed
   *                                  or the cache asks for Redis without any URI
   */
  public <K, V> StrataConfiguration<K, V> resolve(StrataConfiguration<K, V> given) {
    StrataConfiguration.Builder<K, V> builder = given.toBuilder();
    String uri = given.getRedisUri() != null ? given.getRedisUri() : redisUri();
    StoreType type = given.getStoreType();
    if (type == StoreType.AUTO) {
      type = uri == null ? StoreType.MEMORY : StoreType.REDIS;
    }
    if (type == StoreType.REDIS && uri == null) {
      throw new IllegalArgumentException("storeType is REDIS but no Redis URI is configured: set redisUri, the "
          + REDIS_URI + " property or the " + ENV_REDIS_URL + " environment variable");
    }
    builder.storeType(type).redisUri(type == StoreType.REDIS ? uri : given.getRedisUri());
    if (given.getCompressionThreshold() == null) {
      builder.compressionThreshold(integer(COMPRESSION_THRESHOLD, ENV_COMPRESSION_THRESHOLD,
          StrataConfiguration.DEFAULT_COMPRESSION_THRESHOLD));
    }
    if (given.getCompressionLevel() == null) {
      builder.compressionLevel(integer(COMPRESSION_LEVEL, ENV_COMPRESSION_LEVEL,
          StrataConfiguration.DEFAULT_COMPRESSION_LEVEL));
    }
    builder.serialization(given.getSerialization().merge(allowedPackages()));
    return builder.build();
  }

  private SerializationSettings allowedPackages() {
    SerializationSettings settings = SerializationSettings.none();
    for (String source : new String[] {properties.getProperty(ALLOWED_PACKAGES), system.apply(ALLOWED_PACKAGES)}) {
      if (source != null) {
        for (String packageName : source.split(",")) {
          if (!packageName.isBlank()) {
            settings = settings.allowPackage(packageName.trim());
          }
        }
      }
    }
    return settings;
  }

  private String setting(String property, String environmentVariable) {
    String value = properties.getProperty(property);
    if (isBlank(value)) {
      value = system.apply(property);
    }
    if (isBlank(value)) {
      value = environment.apply(environmentVariable);
    }
    return isBlank(value) ? null : value.trim();
  }

  private Integer integer(String property, String environmentVariable, int fallback) {
    String value = setting(property, environmentVariable);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(property + " (or " + environmentVariable + ") = '" + value
          + "' is not a whole number", e);
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
