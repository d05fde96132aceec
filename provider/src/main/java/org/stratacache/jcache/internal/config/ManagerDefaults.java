package org.stratacache.jcache.internal.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.cache.configuration.Configuration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import org.stratacache.jcache.CacheExtension;
import org.stratacache.jcache.configuration.ExtensionSetting;
import org.stratacache.jcache.configuration.Setting;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.internal.concurrent.ThreadSettings;

/**
 * The resolver: settings a cache manager applies to every cache whose configuration leaves them
 * unset, and every rule between settings ({@link #resolve(StrataConfiguration, Map)}).
 *
 * <p>Precedence, highest first: the cache's own configuration (code, or its section in the
 * manager's configuration file); the cache manager's properties ({@code strata.<key>}, given in code
 * to {@code getCacheManager}, so that a program or framework can override a packaged file); the top
 * level of the manager's configuration file; JVM system properties (the same keys); environment
 * variables ({@code REDIS_URL}, {@code CACHE_DEFAULT_TTL}, {@code CACHE_COMPRESSION_THRESHOLD},
 * {@code CACHE_COMPRESSION_LEVEL}); built-in defaults. Serialization allow-lists from every level are
 * combined rather than overridden. Manager-only settings (the sizes of the manager's pools,
 * {@link #threads()}) take the same order without the cache's level. {@link Setting} lists every key.
 *
 * <p>Encryption settings ({@code CACHE_ENCRYPTION_*}) go together: a cache that sets encryption
 * itself takes none of them, and memory caches take none (they never serialize values).
 */
public final class ManagerDefaults {

  private static final String REDIS_URI = Setting.REDIS_URI.property();

  private final List<Source> sources;
  private final ClassLoader loader;

  private ManagerDefaults(List<Source> sources, ClassLoader loader) {
    this.sources = sources;
    this.loader = loader;
  }

  /** Defaults from a manager's properties, the JVM's system properties and the process environment. */
  public static ManagerDefaults of(Properties managerProperties) {
    return of(managerProperties, System::getProperty, System::getenv);
  }

  /** Defaults from explicit sources (for tests). */
  public static ManagerDefaults of(Properties managerProperties, UnaryOperator<String> systemProperties,
                                   UnaryOperator<String> environment) {
    Properties properties = managerProperties == null ? new Properties() : managerProperties;
    List<Source> sources = new ArrayList<>();
    sources.add(new Source("cache manager property", name -> properties.getProperty(name.property())));
    sources.add(new Source("system property", name -> systemProperties.apply(name.property())));
    sources.add(new Source("environment variable", name ->
        name.environmentVariable() == null ? null : environment.apply(name.environmentVariable())));
    return new ManagerDefaults(sources, ManagerDefaults.class.getClassLoader());
  }

  /**
   * These defaults with a configuration file's top-level settings in front of the others.
   *
   * @param file     how to name the file in messages
   * @param settings the file's parsed top-level settings
   */
  public ManagerDefaults withFile(String file, Map<Setting, Object> settings, ClassLoader classLoader) {
    return withFile(file, settings, Map.of(), classLoader);
  }

  /** {@link #withFile(String, Map, ClassLoader)} with the file's top-level extension settings (raw, by key). */
  public ManagerDefaults withFile(String file, Map<Setting, Object> settings, Map<String, Object> extensionSettings,
                                  ClassLoader classLoader) {
    Map<String, Object> byKey = new HashMap<>(extensionSettings);
    settings.forEach((setting, value) -> byKey.put(setting.key(), value));
    List<Source> withFile = new ArrayList<>(sources);
    // after the manager's own properties, before the machine-wide system properties and environment
    withFile.add(1, new Source(file, name -> byKey.get(name.key())));
    return new ManagerDefaults(withFile, classLoader == null ? loader : classLoader);
  }

  /**
   * The sizes of the manager's pools ({@code threads.*}, {@link Setting#isManagerOnly() manager-only}
   * settings): from these sources, else their defaults.
   *
   * @throws IllegalArgumentException naming the source, the setting, its value and what it accepts
   *                                  when one is malformed or out of range
   */
  public ThreadSettings threads() {
    return new ThreadSettings(managerValue(Setting.THREADS_LISTENERS), managerValue(Setting.THREADS_LOADERS),
        managerValue(Setting.THREADS_EVENTS), managerValue(Setting.THREADS_QUEUE));
  }

  private int managerValue(Setting setting) {
    Object value = find(setting);
    return (Integer) (value == null ? setting.typedDefault() : value);
  }

  /** The Redis URI caches use unless they name their own, or {@code null}. */
  public String redisUri() {
    return (String) find(Setting.REDIS_URI);
  }

  /**
   * The configuration a cache gets: {@code given} with every unset setting filled and the store
   * decided ({@link StoreType#MEMORY} or {@link StoreType#REDIS}, never {@code AUTO}).
   *
   * @throws IllegalArgumentException naming the setting, where it came from, its value and what it
   *                                  accepts when a default is malformed, or when the cache asks for
   *                                  Redis without any URI
   */
  public <K, V> StrataConfiguration<K, V> resolve(StrataConfiguration<K, V> given) {
    return resolve(given, Map.of());
  }

  /**
   * {@link #resolve(StrataConfiguration)} with the defaults of the cache's extensions (keys of a
   * cache's section in a file) ahead of the manager's: they fill what the cache leaves unset, and
   * their serialization allow-lists are added.
   */
  public <K, V> StrataConfiguration<K, V> resolve(StrataConfiguration<K, V> given, Map<String, Object> cacheDefaults) {
    if (cacheDefaults.isEmpty()) {
      return fill(given);
    }
    List<Source> withCache = new ArrayList<>(sources);
    withCache.add(0, new Source("cache extension default", name -> cacheDefaults.get(name.key())));
    return new ManagerDefaults(withCache, loader).fill(given);
  }

  /**
   * The configuration a cache named {@code cacheName} gets from {@code configuration}: validated as
   * given, filled with defaults ({@code extensionDefaults} first), validated again, and checked
   * against every rule between settings.
   *
   * @throws IllegalArgumentException naming the cache and the setting at fault
   * @throws UnsupportedOperationException when the store cannot do what the cache asks (store-by-reference on Redis)
   */
  public <K, V> StrataConfiguration<K, V> resolve(String cacheName, Configuration<K, V> configuration,
                                                   List<CacheExtension> extensions) {
    StrataConfiguration<K, V> given = StrataConfiguration.from(configuration).build();
    ConfigurationValidator.validate(cacheName, given);
    StrataConfiguration<K, V> resolved;
    try {
      resolved = withExtensionSettings(resolve(given, ExtensionDefaults.of(extensions, given)), given, extensions);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid configuration for cache '" + cacheName + "': " + e.getMessage(), e);
    }
    ConfigurationValidator.validate(cacheName, resolved);
    ConfigurationValidator.validateSections(cacheName, resolved, extensions);
    CrossFieldRules.check(cacheName, resolved);
    return resolved;
  }

  /**
   * {@code resolved} with the sections of {@code extensions} filled: a cache an extension serves gets
   * its section when it attached none, and every setting the section leaves unset is taken from the
   * manager's sources, as the provider's own settings are.
   */
  private <K, V> StrataConfiguration<K, V> withExtensionSettings(StrataConfiguration<K, V> resolved,
                                                                 StrataConfiguration<K, V> given,
                                                                 List<CacheExtension> extensions) {
    StrataConfiguration.Builder<K, V> builder = null;
    for (CacheExtension extension : extensions) {
      List<ExtensionSetting<?>> declared = extension.declaredSettings();
      if (declared.isEmpty()) {
        continue;
      }
      Serializable fresh = extension.defaultSection(given);
      Map<Class<?>, Serializable> sections = new LinkedHashMap<>();
      for (ExtensionSetting<?> setting : declared) {
        Serializable section = sections.computeIfAbsent(setting.section(), type -> {
          Serializable attached = (Serializable) resolved.getSection(type);
          return attached != null ? attached : type.isInstance(fresh) ? fresh : null;
        });
        if (section != null) {
          sections.put(setting.section(), fill(setting, section));
        }
      }
      for (Serializable section : sections.values()) {
        if (section != null) {
          builder = builder == null ? resolved.toBuilder() : builder;
          builder.extension(section);
        }
      }
    }
    return builder == null ? resolved : builder.build();
  }

  private <S extends Serializable> Serializable fill(ExtensionSetting<S> setting, Serializable section) {
    S typed = setting.section().cast(section);
    if (setting.configuredIn(typed) != null) {
      return typed;
    }
    for (Source source : sources) {
      Object value = parsed(source, Name.of(setting), setting::parse);
      if (value != null) {
        return setting.applyTo(typed, value);
      }
    }
    return typed;
  }

  private <K, V> StrataConfiguration<K, V> fill(StrataConfiguration<K, V> given) {
    StrataConfiguration.Builder<K, V> builder = given.toBuilder();
    for (Setting setting : Setting.values()) {
      if (setting.isManagerDefault() && !setting.isManagerOnly() && !setting.isMerged()
          && setting.configuredIn(given) == null) {
        Object value = find(setting);
        if (value != null) {
          setting.applyTo(builder, value);
        }
      }
    }
    for (Setting setting : Setting.values()) {
      if (setting.isMerged()) {
        for (Source source : sources) {
          Object value = parsed(source, setting);
          if (value != null) {
            setting.applyTo(builder, value);
          }
        }
      }
    }
    StrataConfiguration<K, V> filled = builder.build();
    StoreType type = filled.getStoreType();
    if (type == StoreType.AUTO) {
      type = filled.getRedis().getUri() == null ? StoreType.MEMORY : StoreType.REDIS;
    }
    if (type == StoreType.REDIS && filled.getRedis().getUri() == null) {
      throw new IllegalArgumentException("store is redis but no Redis URI is configured: set redisUri, the "
          + REDIS_URI + " property or the REDIS_URL environment variable");
    }
    builder.storeType(type);
    if (type == StoreType.MEMORY && given.getEncryption() != null && given.getStoreType() == StoreType.MEMORY) {
      throw new IllegalArgumentException("encryption is set on a cache whose store is memory, which keeps values as "
          + "objects and never serializes them: remove the encryption settings, or use the Redis store");
    }
    if (type == StoreType.MEMORY && given.getEncryption() == null) {
      builder.encryption(null);  // manager-wide keys are for Redis caches; memory caches have nothing to encrypt
    }
    if (filled.getDefaultTtl() != null && given.hasDefaultExpiryPolicy()) {
      builder.expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
          new Duration(TimeUnit.MILLISECONDS, filled.getDefaultTtl().toMillis())));
    }
    return builder.build();
  }

  private Object find(Setting setting) {
    for (Source source : sources) {
      Object value = parsed(source, setting);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private Object parsed(Source source, Setting setting) {
    return parsed(source, Name.of(setting), raw -> SettingValues.parse(setting, raw, loader));
  }

  private static Object parsed(Source source, Name name, UnaryOperator<Object> parser) {
    Object raw = source.values().apply(name);
    if (raw == null || (raw instanceof String text && text.isBlank())) {
      return null;
    }
    try {
      return parser.apply(raw);
    } catch (IllegalArgumentException e) {
      String shown = source.description().startsWith("environment") ? name.environmentVariable()
          : source.description().startsWith("file") || source.description().startsWith("cache extension")
          ? name.key() : name.property();
      throw new IllegalArgumentException(source.description() + " " + shown + " = " + e.getMessage(), e);
    }
  }

  /** How a setting is named in each source. */
  private record Name(String key, String property, String environmentVariable) {

    static Name of(Setting setting) {
      return new Name(setting.key(), setting.property(), setting.environmentVariable());
    }

    static Name of(ExtensionSetting<?> setting) {
      return new Name(setting.key(), setting.property(), setting.environmentVariable());
    }
  }

  /** Where default values come from, in order. */
  private record Source(String description, Function<Name, Object> values) {
  }
}
