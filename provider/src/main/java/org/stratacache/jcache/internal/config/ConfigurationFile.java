package org.stratacache.jcache.internal.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Serializable;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.cache.CacheException;
import org.stratacache.jcache.CacheExtension;
import org.stratacache.jcache.configuration.ExtensionSetting;
import org.stratacache.jcache.configuration.Setting;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A cache manager's configuration file, named by the manager's URI: YAML ({@code .yaml},
 * {@code .yml}) or properties ({@code .properties}), from the class path ({@code classpath:strata.yaml}),
 * the file system ({@code file:/etc/app/strata.yaml}, or a plain path) or inside a jar
 * ({@code jar:file:app.jar!/strata.yaml}, which is how Spring and Hibernate hand class path
 * resources over). Keys at the top level are defaults for every cache of the manager; the
 * {@code caches} section declares caches, created with the manager:
 *
 * <pre>
 * redis-uri: redis://localhost:6379      # every cache goes to Redis unless it says otherwise
 * default-ttl: 10m
 * caches:
 *   orders:
 *     maximum-size: 10000
 *     statistics: true
 *   com.example.Author:
 *     default-ttl: 1h
 * </pre>
 *
 * <p>In properties the same keys are dotted paths; a cache name with dots goes in brackets:
 * {@code caches[com.example.Author].default-ttl=1h}. A leading {@code strata.} (or a top-level
 * {@code strata:} in YAML) is allowed. Every mistake fails with one message naming the file, the
 * key, the value and what the key accepts.
 *
 * <p>A cache manager's properties may declare caches too, with the lines a properties file would
 * hold under {@code strata.}: {@code strata.caches.orders.maximum-size=10000},
 * {@code strata.caches[com.example.Author].default-ttl=1h}. They are read by the same parser, over
 * the file's sections (a setting given in both is the property's), so that a program or framework
 * (the Spring Boot starter) configures caches without writing a file.
 */
public final class ConfigurationFile {

  /** How manager properties that declare caches are named in messages. */
  static final String PROPERTIES_NAME = "cache manager properties";
  private static final String CACHES = "strata.caches";

  private final String name;
  private final Map<Setting, Object> defaults;
  private final Map<String, Object> extensionDefaults;
  private final Map<String, StrataConfiguration<?, ?>> caches;

  private ConfigurationFile(String name, Map<Setting, Object> defaults, Map<String, Object> extensionDefaults,
                            Map<String, StrataConfiguration<?, ?>> caches) {
    this.extensionDefaults = extensionDefaults;
    this.name = name;
    this.defaults = defaults;
    this.caches = caches;
  }

  /** Whether {@code uri} names a configuration file rather than just naming a manager. */
  public static boolean isConfigurationUri(URI uri) {
    String text = uri.toString().toLowerCase(Locale.ROOT);
    return text.endsWith(".yaml") || text.endsWith(".yml") || text.endsWith(".properties");
  }

  /** Whether {@code properties} (a cache manager's) declare caches: {@code strata.caches.<name>.<key>}. */
  public static boolean declaresCaches(Properties properties) {
    return properties != null && !cacheProperties(properties).isEmpty();
  }

  /**
   * Reads and checks the file {@code uri} names.
   *
   * @throws CacheException when the file cannot be found or read
   * @throws IllegalArgumentException naming the file, the key, the value and what is accepted
   */
  public static ConfigurationFile load(URI uri, ClassLoader loader) {
    return load(uri, loader, null);
  }

  /**
   * Reads and checks the file {@code uri} names, when it names one ({@link #isConfigurationUri}),
   * with the caches {@code managerProperties} declare over its own.
   *
   * @throws CacheException when the file cannot be found or read
   * @throws IllegalArgumentException naming the file or the property, the key, the value and what is accepted
   */
  public static ConfigurationFile load(URI uri, ClassLoader loader, Properties managerProperties) {
    boolean isFile = isConfigurationUri(uri);
    String name = isFile ? "file " + uri : PROPERTIES_NAME;
    Map<String, Object> tree = isFile ? fileTree(uri, loader, name) : new LinkedHashMap<>();
    if (tree.size() == 1 && tree.get("strata") instanceof Map<?, ?> inner) {
      tree = castMap(inner);
    }
    Properties declared = managerProperties == null ? new Properties() : cacheProperties(managerProperties);
    if (!declared.isEmpty()) {
      Map<String, Object> fromProperties;
      try {
        fromProperties = propertiesTree(declared);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("Configuration " + PROPERTIES_NAME + " cannot be parsed: " + e.getMessage(),
            e);
      }
      // read alone first, so that a mistake in a property is reported as the property's
      parse(PROPERTIES_NAME, loader, fromProperties);
      tree = merged(tree, fromProperties);
    }
    return parse(name, loader, tree);
  }

  private static ConfigurationFile parse(String name, ClassLoader loader, Map<String, Object> tree) {
    Parser parser = new Parser(name, loader);
    Map<String, Object> top = new LinkedHashMap<>(tree);
    Object declared = top.remove("caches");
    Parsed topLevel = parser.settings(top, "", false);
    Map<Setting, Object> defaults = topLevel.settings;
    Map<String, StrataConfiguration<?, ?>> caches = new LinkedHashMap<>();
    if (declared != null) {
      if (!(declared instanceof Map<?, ?> sections)) {
        throw new IllegalArgumentException("Configuration " + name + ": caches must map cache names to settings");
      }
      sections.forEach((cache, section) -> caches.put(String.valueOf(cache),
          parser.cache(String.valueOf(cache), section)));
    }
    return new ConfigurationFile(name, defaults, topLevel.extensionValues, caches);
  }

  /** The manager properties under {@code strata.caches}. */
  private static Properties cacheProperties(Properties properties) {
    Properties caches = new Properties();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith(CACHES + ".") || key.startsWith(CACHES + "[")) {
        caches.setProperty(key, properties.getProperty(key));
      }
    }
    return caches;
  }

  /** {@code base} with {@code over} laid on it, section by section; a value in both is {@code over}'s. */
  private static Map<String, Object> merged(Map<String, Object> base, Map<String, Object> over) {
    Map<String, Object> result = new LinkedHashMap<>(base);
    over.forEach((key, value) -> result.merge(key, value, (mine, theirs) ->
        mine instanceof Map<?, ?> a && theirs instanceof Map<?, ?> b ? merged(castMap(a), castMap(b)) : theirs));
    return result;
  }

  private static Map<String, Object> fileTree(URI uri, ClassLoader loader, String name) {
    String text = read(uri, loader);
    try {
      return uri.toString().toLowerCase(Locale.ROOT).endsWith(".properties") ? propertiesTree(text) : yamlTree(text);
    } catch (MarkedYAMLException e) {
      // not its message nor itself as the cause: they quote the line, which may hold a password or a key
      Mark mark = e.getProblemMark();
      throw new IllegalArgumentException("Configuration " + name + " cannot be parsed: "
          + (e.getContext() == null ? "" : e.getContext() + ", ") + e.getProblem()
          + (mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1))
          + " (the line is not shown: it may hold a secret)");
    } catch (RuntimeException | IOException e) {
      throw new IllegalArgumentException("Configuration " + name + " cannot be parsed: " + e.getMessage(), e);
    }
  }

  /** How the file is named in messages. */
  public String name() {
    return name;
  }

  /** The top-level settings: defaults for every cache of the manager. */
  public Map<Setting, Object> defaults() {
    return defaults;
  }

  /** The top-level settings of extensions ({@code ai.text-hash-threshold}, ...), as written, by key. */
  public Map<String, Object> extensionDefaults() {
    return extensionDefaults;
  }

  /** The declared caches and their own settings (the manager fills the rest from its defaults). */
  public Map<String, StrataConfiguration<?, ?>> caches() {
    return caches;
  }

  private static String read(URI uri, ClassLoader loader) {
    try {
      String scheme = uri.getScheme();
      if ("classpath".equals(scheme)) {
        String path = uri.getSchemeSpecificPart().replaceFirst("^/+", "");
        URL resource = loader.getResource(path);
        if (resource == null) {
          throw new CacheException("Configuration file " + uri + " is not on the class path");
        }
        return readAll(resource.openStream());
      }
      if (scheme == null) {
        Path path = Path.of(uri.toString());
        if (Files.exists(path)) {
          return Files.readString(path, StandardCharsets.UTF_8);
        }
        URL resource = loader.getResource(uri.toString().replaceFirst("^/+", ""));
        if (resource == null) {
          throw new CacheException("Configuration file " + uri + " is neither a file nor on the class path");
        }
        return readAll(resource.openStream());
      }
      return readAll(uri.toURL().openStream());
    } catch (IOException | IllegalArgumentException e) {
      throw new CacheException("Configuration file " + uri + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static String readAll(InputStream stream) throws IOException {
    try (InputStream in = stream) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Map<String, Object> yamlTree(String text) {
    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    if (root == null) {
      return new LinkedHashMap<>();
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("the document is not a map of settings");
    }
    return castMap(map);
  }

  private static Map<String, Object> propertiesTree(String text) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = new StringReader(text)) {
      properties.load(reader);
    }
    return propertiesTree(properties);
  }

  private static Map<String, Object> propertiesTree(Properties properties) {
    Map<String, Object> tree = new LinkedHashMap<>();
    for (String key : new TreeMap<>(castMap(properties)).keySet()) {
      List<String> path = path(key.startsWith("strata.") ? key.substring("strata.".length()) : key);
      Map<String, Object> node = tree;
      for (int i = 0; i < path.size() - 1; i++) {
        Object next = node.computeIfAbsent(path.get(i), ignored -> new LinkedHashMap<String, Object>());
        if (!(next instanceof Map<?, ?>)) {
          throw new IllegalArgumentException("key " + key + " nests under a key that has a value");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> child = (Map<String, Object>) next;
        node = child;
      }
      node.put(path.get(path.size() - 1), properties.getProperty(key));
    }
    return tree;
  }

  /** {@code caches[a.b].x.y} is {@code [caches, a.b, x, y]}. */
  private static List<String> path(String key) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '[') {
        int close = key.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("key " + key + " has an unclosed [");
        }
        if (part.length() > 0) {
          parts.add(part.toString());
          part.setLength(0);
        }
        parts.add(key.substring(i + 1, close));
        i = close;
      } else if (c == '.') {
        if (part.length() > 0) {
          parts.add(part.toString());
          part.setLength(0);
        }
      } else {
        part.append(c);
      }
    }
    if (part.length() > 0) {
      parts.add(part.toString());
    }
    return parts;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> castMap(Map<?, ?> map) {
    Map<String, Object> typed = new LinkedHashMap<>();
    map.forEach((key, value) -> typed.put(String.valueOf(key), value));
    return typed;
  }

  /** Reads sections of one file, naming it in every message. */
  private static final class Parser {

    private final String name;
    private final ClassLoader loader;
    private final List<CacheExtension> extensions = new ArrayList<>();
    private final Map<String, ExtensionSetting<?>> declared = new LinkedHashMap<>();

    Parser(String name, ClassLoader loader) {
      this.name = name;
      this.loader = loader;
      ServiceLoader.load(CacheExtension.class, loader).forEach(extensions::add);
      for (CacheExtension extension : extensions) {
        extension.declaredSettings().forEach(setting -> declared.put(setting.key(), setting));
      }
    }

    StrataConfiguration<?, ?> cache(String cache, Object section) {
      if (!(section instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("Configuration " + name + ": caches." + cache
            + " must be a map of settings");
      }
      Parsed parsed = settings(castMap(map), "caches." + cache + ".", true);
      Class<?> keyType = (Class<?>) parsed.settings.getOrDefault(Setting.KEY_TYPE, Object.class);
      Class<?> valueType = (Class<?>) parsed.settings.getOrDefault(Setting.VALUE_TYPE, Object.class);
      @SuppressWarnings({"rawtypes", "unchecked"})
      StrataConfiguration.Builder builder = StrataConfiguration.builder(keyType, valueType);
      parsed.settings.forEach((setting, value) -> setting.applyTo(builder, value));
      parsed.extensions.forEach(builder::extension);
      return builder.build();
    }

    Parsed settings(Map<String, Object> section, String where, boolean allowExtensions) {
      Parsed parsed = new Parsed();
      flatten(section, "", where, allowExtensions, parsed);
      return parsed;
    }

    private void flatten(Map<String, Object> map, String prefix, String where, boolean allowExtensions,
                         Parsed parsed) {
      for (Map.Entry<String, Object> entry : map.entrySet()) {
        String key = prefix + entry.getKey();
        Setting setting = Setting.byKey(key);
        if (setting != null && setting.isManagerOnly() && allowExtensions) {
          throw new IllegalArgumentException("Configuration " + name + ": " + where + key + " is a setting of the "
              + "cache manager, not of a cache: set it at the top level of the file or as the property "
              + setting.property());
        }
        if (setting != null) {
          try {
            parsed.settings.put(setting, SettingValues.parse(setting, entry.getValue(), loader));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Configuration " + name + ": " + where + key + " = " + e.getMessage(),
                e);
          }
        } else if (entry.getValue() instanceof Map<?, ?> nested && prefix.isEmpty() && allowExtensions
            && extension(entry.getKey(), castMap(nested), where, parsed)) {
          continue;
        } else if (!allowExtensions && declared.containsKey(key)) {
          try {
            declared.get(key).parse(entry.getValue());
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Configuration " + name + ": " + where + key + " = " + e.getMessage(),
                e);
          }
          parsed.extensionValues.put(key, entry.getValue());
        } else if (entry.getValue() instanceof Map<?, ?> nested && (isPrefixOfSetting(key)
            || !allowExtensions && declared.keySet().stream().anyMatch(known -> known.startsWith(key + ".")))) {
          flatten(castMap(nested), key + ".", where, allowExtensions, parsed);
        } else {
          throw new IllegalArgumentException("Configuration " + name + ": unknown key " + where + key
              + "; known keys: " + knownKeys(allowExtensions));
        }
      }
    }

    private boolean extension(String section, Map<String, Object> values, String where, Parsed parsed) {
      for (CacheExtension extension : extensions) {
        Serializable settings;
        try {
          settings = declaredSection(extension, section, values);
          settings = settings != null ? settings : extension.settings(section, values);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("Configuration " + name + ": " + where + section + "." + e.getMessage(),
              e);
        }
        if (settings != null) {
          parsed.extensions.add(settings);
          return true;
        }
      }
      return false;
    }

    /**
     * The section {@code values} hold, read by the declarations of {@code extension} whose keys
     * start with {@code section.}, or {@code null} when it declares none.
     */
    private static Serializable declaredSection(CacheExtension extension, String section, Map<String, Object> values) {
      List<ExtensionSetting<?>> declared = extension.declaredSettings().stream()
          .filter(setting -> setting.key().startsWith(section + ".")).toList();
      if (declared.isEmpty()) {
        return null;
      }
      Serializable result = extension.emptySection(declared.get(0).section());
      if (result == null) {
        return null;
      }
      for (Map.Entry<String, Object> entry : values.entrySet()) {
        ExtensionSetting<?> setting = declared.stream()
            .filter(candidate -> candidate.keyInSection().equals(entry.getKey())).findFirst()
            .orElseThrow(() -> new IllegalArgumentException(entry.getKey() + " is an unknown key; the " + section
                + " section takes " + declared.stream().map(ExtensionSetting::keyInSection)
                .collect(Collectors.joining(", "))));
        try {
          result = applied(setting, result, setting.parse(entry.getValue()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(entry.getKey() + " = " + e.getMessage(), e);
        }
      }
      return result;
    }

    private static <S extends Serializable> Serializable applied(ExtensionSetting<S> setting, Serializable section,
                                                                  Object value) {
      return setting.applyTo(setting.section().cast(section), value);
    }

    private static boolean isPrefixOfSetting(String key) {
      for (Setting setting : Setting.values()) {
        if (setting.key().startsWith(key + ".")) {
          return true;
        }
      }
      return false;
    }

    private String knownKeys(boolean allowExtensions) {
      return Arrays.stream(Setting.values())
          .filter(setting -> allowExtensions ? !setting.isManagerOnly() : setting.isManagerDefault())
          .map(Setting::key).collect(Collectors.joining(", "))
          + (allowExtensions ? " and extension sections (ai)"
          : declared.keySet().stream().map(key -> ", " + key).collect(Collectors.joining()) + ", caches");
    }
  }

  /** Settings and extension settings read from one section. */
  private static final class Parsed {
    final Map<Setting, Object> settings = new EnumMap<>(Setting.class);
    final List<Serializable> extensions = new ArrayList<>();
    final Map<String, Object> extensionValues = new LinkedHashMap<>();
  }
}
