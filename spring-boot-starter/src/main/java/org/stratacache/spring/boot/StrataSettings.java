package org.stratacache.spring.boot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
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
 * turned into the cache manager properties the provider reads ({@code strata.<key>}, the keys of
 * {@link Setting}). A {@code strata.*} key that is not one of them fails the start, naming the key.
 */
public final class StrataSettings {

  /** Whether Boot-managed caches get statistics (default true); not a provider setting. */
  public static final String STATISTICS = "strata.statistics";
  /** Whether Boot-managed caches get the configuration MXBean (default false); not a provider setting. */
  public static final String MANAGEMENT = "strata.management";

  private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("strata");

  private final Properties managerProperties;
  private final boolean statistics;
  private final boolean management;

  private StrataSettings(Properties managerProperties, boolean statistics, boolean management) {
    this.managerProperties = managerProperties;
    this.statistics = statistics;
    this.management = management;
  }

  /**
   * Reads and checks the {@code strata.*} properties of {@code environment}.
   *
   * @throws IllegalStateException naming every {@code strata.*} key that is not a setting, or a
   *                               per-cache setting given for the whole manager
   */
  public static StrataSettings of(Environment environment) {
    checkKeys(environment);
    Binder binder = Binder.get(environment);
    Properties properties = new Properties();
    for (Setting setting : Setting.values()) {
      if (setting.isManagerDefault()) {
        String value = value(binder, setting.property());
        if (value != null) {
          properties.setProperty(setting.property(), value);
        }
      }
    }
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

  /** Every {@code strata.*} property name the starter accepts, in canonical form. */
  public static Set<String> knownKeys() {
    Set<String> keys = new TreeSet<>();
    for (Setting setting : Setting.values()) {
      if (setting.isManagerDefault()) {
        keys.add(setting.property());
      }
    }
    keys.add(STATISTICS);
    keys.add(MANAGEMENT);
    return keys;
  }

  /** The value of {@code name} as the provider reads it: a single value, a list joined by commas, or a map as k:v. */
  private static String value(Binder binder, String name) {
    String single = binder.bind(name, String.class).orElse(null);
    if (single != null) {
      return single;
    }
    List<String> list = binder.bind(name, Bindable.listOf(String.class)).orElse(List.of());
    if (!list.isEmpty()) {
      return String.join(",", list);
    }
    Map<String, String> map = binder.bind(name, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    if (!map.isEmpty()) {
      return map.entrySet().stream().map(entry -> entry.getKey() + ":" + entry.getValue())
          .collect(Collectors.joining(","));
    }
    return null;
  }

  private static void checkKeys(Environment environment) {
    List<ConfigurationPropertyName> known = knownKeys().stream().map(ConfigurationPropertyName::of).toList();
    Map<String, String> unknown = new LinkedHashMap<>();
    for (ConfigurationPropertySource source : sources(environment)) {
      if (source instanceof IterableConfigurationPropertySource iterable) {
        iterable.filter(ROOT::isAncestorOf).stream()
            .filter(name -> known.stream().noneMatch(key -> key.equals(name) || key.isAncestorOf(name)))
            .forEach(name -> unknown.putIfAbsent(name.toString(), hint(name)));
      }
    }
    if (!unknown.isEmpty()) {
      List<String> lines = new ArrayList<>();
      unknown.forEach((name, hint) -> lines.add(name + hint));
      throw new IllegalStateException("Unknown Strata Cache propert" + (lines.size() == 1 ? "y " : "ies ")
          + String.join("; ", lines) + ". Known strata.* keys: " + String.join(", ", knownKeys())
          + " (the user guide's configuration reference describes each)");
    }
  }

  private static String hint(ConfigurationPropertyName name) {
    String key = name.toString().substring("strata.".length());
    for (Setting setting : Setting.values()) {
      if (!setting.isManagerDefault() && (key.equals(setting.key()) || key.startsWith(setting.key() + "."))) {
        return " (" + setting.key() + " is a setting of one cache: set it in that cache's section of the "
            + "configuration file named by spring.cache.jcache.config)";
      }
    }
    if (key.startsWith("caches")) {
      return " (per-cache settings go in the configuration file named by spring.cache.jcache.config)";
    }
    if (key.startsWith("ai")) {
      return " (the AI cache's settings are per cache: the ai section of a cache in the configuration file named "
          + "by spring.cache.jcache.config, or CACHE_AI_OPERATION_TTLS and CACHE_TEXT_HASH_THRESHOLD)";
    }
    return "";
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
