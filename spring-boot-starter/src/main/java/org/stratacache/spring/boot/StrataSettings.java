package org.stratacache.spring.boot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.stratacache.jcache.configuration.Setting;

/**
 * The {@code strata.*} properties of a Spring environment, bound with Boot's relaxed rules
 * ({@code strata.redis-uri}, {@code strata.redisUri}, a YAML list or a comma-separated value) and
 * turned into the cache manager properties the provider reads: {@code strata.<key>} for the whole
 * manager (the keys of {@link Setting} and of the extensions' declared settings, such as the AI
 * module's {@code ai.*}), and {@code strata.caches.<cache-name>.<key>} for one cache, which the
 * provider reads as the same lines of a configuration file. A {@code strata.*} key that is none of
 * them fails the start, naming the key.
 */
public final class StrataSettings {

  /** Whether Boot-managed caches get statistics (default true); not a provider setting. */
  public static final String STATISTICS = "strata.statistics";
  /** Whether Boot-managed caches get the configuration MXBean (default false); not a provider setting. */
  public static final String MANAGEMENT = "strata.management";

  private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("strata");
  private static final ConfigurationPropertyName CACHES = ConfigurationPropertyName.of(StrataKeys.CACHES);
  /** Elements of {@code strata.caches.<cache-name>}. */
  private static final int CACHE_ELEMENTS = 3;

  private final Properties managerProperties;
  private final boolean statistics;
  private final boolean management;

  private StrataSettings(Properties managerProperties, boolean statistics, boolean management) {
    this.managerProperties = managerProperties;
    this.statistics = statistics;
    this.management = management;
  }

  /** {@link #of(Environment, ClassLoader)} with the extensions of the starter's class loader. */
  public static StrataSettings of(Environment environment) {
    return of(environment, StrataSettings.class.getClassLoader());
  }

  /**
   * Reads and checks the {@code strata.*} properties of {@code environment}.
   *
   * @param classLoader where the cache manager finds its extensions (and so their settings)
   * @throws IllegalStateException naming every {@code strata.*} key that is not a setting, or a
   *                               per-cache setting given for the whole manager
   */
  public static StrataSettings of(Environment environment, ClassLoader classLoader) {
    StrataKeys keys = StrataKeys.of(classLoader);
    List<ConfigurationPropertySource> sources = sources(environment);
    Map<String, ConfigurationPropertyName> caches = caches(sources);
    checkKeys(keys, sources, caches);
    Binder binder = Binder.get(environment);
    Properties properties = new Properties();
    for (String name : keys.managerProperties()) {
      if (!name.equals(STATISTICS) && !name.equals(MANAGEMENT)) {
        String key = name.substring(Setting.PROPERTY_PREFIX.length());
        put(properties, name, value(binder, ConfigurationPropertyName.of(name), keys.isExtensionKey(key)));
      }
    }
    caches.forEach((cache, prefix) -> {
      for (String key : keys.cacheKeys()) {
        put(properties, StrataKeys.CACHES + "[" + cache + "]." + key,
            value(binder, prefix.append(key), keys.isExtensionKey(key)));
      }
    });
    boolean statistics = binder.bind(STATISTICS, Boolean.class).orElse(Boolean.TRUE);
    boolean management = binder.bind(MANAGEMENT, Boolean.class).orElse(Boolean.FALSE);
    return new StrataSettings(properties, statistics, management);
  }

  /** The properties to give {@code CachingProvider.getCacheManager} (a copy). */
  public Properties managerProperties() {
    Properties copy = new Properties();
    copy.putAll(managerProperties);
    return copy;
  }

  /** Whether the caches the starter creates, and the manager's declared caches, get statistics. */
  public boolean statistics() {
    return statistics;
  }

  /** Whether the caches the starter creates get the configuration MXBean. */
  public boolean management() {
    return management;
  }

  /**
   * Every {@code strata.*} property name the starter accepts for the whole manager, in canonical
   * form, with the extensions of the starter's class loader; the settings of one cache are
   * {@code strata.caches.<cache-name>.<key>} with the keys of {@link #cacheKeys()}.
   */
  public static Set<String> knownKeys() {
    return StrataKeys.of(StrataSettings.class.getClassLoader()).managerProperties();
  }

  /** The keys a cache accepts under {@code strata.caches.<cache-name>.}: every setting and extension setting. */
  public static Set<String> cacheKeys() {
    return StrataKeys.of(StrataSettings.class.getClassLoader()).cacheKeys();
  }

  private static void put(Properties properties, String name, String value) {
    if (value != null) {
      properties.setProperty(name, value);
    }
  }

  /**
   * The value of {@code name} as the provider reads it: a single value, a list joined by commas, or
   * a map as k:v pairs (an extension's map as JSON, which its declaration reads).
   */
  private static String value(Binder binder, ConfigurationPropertyName name, boolean extension) {
    String single = binder.bind(name, Bindable.of(String.class)).orElse(null);
    if (single != null) {
      return single;
    }
    List<String> list = binder.bind(name, Bindable.listOf(String.class)).orElse(List.of());
    if (!list.isEmpty()) {
      return String.join(",", list);
    }
    Map<String, Object> map = binder.bind(name, Bindable.mapOf(String.class, Object.class)).orElse(Map.of());
    if (map.isEmpty()) {
      return null;
    }
    return extension ? Json.of(map) : map.entrySet().stream().map(entry -> entry.getKey() + ":" + entry.getValue())
        .collect(Collectors.joining(","));
  }

  /** The caches named under {@code strata.caches}, each with its name as written. */
  private static Map<String, ConfigurationPropertyName> caches(List<ConfigurationPropertySource> sources) {
    Map<String, ConfigurationPropertyName> caches = new LinkedHashMap<>();
    for (ConfigurationPropertySource source : sources) {
      if (source instanceof IterableConfigurationPropertySource iterable) {
        iterable.filter(CACHES::isAncestorOf).stream()
            .filter(name -> name.getNumberOfElements() > CACHE_ELEMENTS)
            .forEach(name -> caches.putIfAbsent(name.getElement(CACHE_ELEMENTS - 1, Form.ORIGINAL),
                name.chop(CACHE_ELEMENTS)));
      }
    }
    return caches;
  }

  private static void checkKeys(StrataKeys keys, List<ConfigurationPropertySource> sources,
                                Map<String, ConfigurationPropertyName> caches) {
    List<ConfigurationPropertyName> known = new ArrayList<>();
    keys.managerProperties().forEach(key -> known.add(ConfigurationPropertyName.of(key)));
    caches.values().forEach(cache -> keys.cacheKeys().forEach(key -> known.add(cache.append(key))));
    Map<String, String> unknown = new LinkedHashMap<>();
    for (ConfigurationPropertySource source : sources) {
      if (source instanceof IterableConfigurationPropertySource iterable) {
        iterable.filter(ROOT::isAncestorOf).stream()
            .filter(name -> known.stream().noneMatch(key -> key.equals(name) || key.isAncestorOf(name)))
            .forEach(name -> unknown.putIfAbsent(name.toString(),
                keys.hint(name.toString().substring(Setting.PROPERTY_PREFIX.length()))));
      }
    }
    if (!unknown.isEmpty()) {
      List<String> lines = new ArrayList<>();
      unknown.forEach((name, hint) -> lines.add(name + hint));
      throw new IllegalStateException("Unknown Strata Cache propert" + (lines.size() == 1 ? "y " : "ies ")
          + String.join("; ", lines) + ". Known strata.* keys: " + String.join(", ", keys.managerProperties())
          + ", and strata.caches.<cache-name>.<key> for one cache (the user guide's configuration reference "
          + "describes each)");
    }
  }

  /**
   * The property sources to check, without the process environment: variables such as
   * {@code STRATA_HOME} belong to other programs and map to {@code strata.*} names.
   */
  private static List<ConfigurationPropertySource> sources(Environment environment) {
    List<ConfigurationPropertySource> sources = new ArrayList<>();
    if (environment instanceof ConfigurableEnvironment configurable) {
      configurable.getPropertySources().stream()
          .filter(source -> !StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName()))
          .filter(source -> !"configurationProperties".equals(source.getName()))
          .forEach(source -> ConfigurationPropertySources.from(source).forEach(sources::add));
    }
    return sources;
  }
}
