package org.stratacache.jcache.configuration;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A setting of an extension module's section (for example the AI module's {@code ai.text-hash-threshold}),
 * declared once like a {@link Setting}: its key, environment variable, parser, range, default, how a
 * section holds it and how it is applied to one. An extension lists its settings in
 * {@code CacheExtension.declaredSettings()}; the cache manager then reads them from a cache's section in a
 * configuration file, the manager's properties ({@code strata.<key>}), the top level of its
 * configuration file, JVM system properties and the environment, with the same precedence, messages,
 * validation and reference entry as the provider's own settings. Immutable.
 *
 * <p>List and map values come as YAML lists and maps from a file; in a property or an environment
 * variable, a list is comma-separated text or a flow list ({@code [500, 5000]}) and a map is a JSON
 * (or YAML flow) object ({@code {"summarize": "2h", "qa": 1800}}).
 *
 * @param <S> the extension's section type
 */
public final class ExtensionSetting<S extends Serializable> {

  /** Turns raw text, or a YAML scalar, list or map, into a typed value; throws IllegalArgumentException. */
  @FunctionalInterface
  public interface Parser {
    /**
     * The typed value of {@code raw}.
     *
     * @throws IllegalArgumentException when {@code raw} is not allowed
     */
    Object parse(Object raw);

    /** A whole number from {@code min} to {@code max}, as an {@code Integer}. */
    static Parser integer(int min, int max) {
      return raw -> (int) SettingParsers.range(raw, min, max);
    }

    /** A number from {@code min} to {@code max}, as a {@code Double}. */
    static Parser decimal(double min, double max) {
      return raw -> {
        double value = raw instanceof Number number ? number.doubleValue() : Double.parseDouble(String.valueOf(raw)
            .trim());
        if (!(value >= min && value <= max)) {
          throw new IllegalArgumentException("must be from " + min + " to " + max);
        }
        return value;
      };
    }
  }

  /** At most this many characters of list or map text are read from a property or variable. */
  private static final int MAX_TEXT = 64 * 1024;

  private final Class<S> section;
  private final SettingSpec spec;
  private final Function<S, Object> configured;
  private final BiFunction<S, Object, S> apply;

  private ExtensionSetting(Class<S> section, SettingSpec spec, Function<S, Object> configured,
                           BiFunction<S, Object, S> apply) {
    this.section = section;
    this.spec = spec;
    this.configured = configured;
    this.apply = apply;
  }

  /**
   * Starts the declaration of a setting of {@code section}.
   *
   * @param key its full key in a configuration file, starting with the section's name ({@code ai.text-hash-threshold})
   */
  public static <S extends Serializable> Builder<S> of(String key, Class<S> section) {
    return new Builder<>(key, section);
  }

  /** The section class this setting belongs to. */
  public Class<S> section() {
    return section;
  }

  /** The key in a configuration file. */
  public String key() {
    return spec.key;
  }

  /** The key inside its section ({@code text-hash-threshold} for {@code ai.text-hash-threshold}). */
  public String keyInSection() {
    return spec.key.substring(spec.key.indexOf('.') + 1);
  }

  /** The property: {@code strata.} and the key. */
  public String property() {
    return Setting.PROPERTY_PREFIX + spec.key;
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

  /**
   * The typed value of {@code raw}.
   *
   * @throws IllegalArgumentException quoting the value and saying what the setting accepts
   */
  public Object parse(Object raw) {
    try {
      Object value = spec.parser.parse(raw, null);
      String violation = violation(value);
      if (violation != null) {
        throw new IllegalArgumentException(violation);
      }
      return value;
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException("'" + raw + "' is not allowed: " + key() + " takes " + accepts()
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
    }
  }

  /**
   * Why {@code value} (parsed, or set in code and read back with {@link #configuredIn}) is outside
   * this setting's constraint, or {@code null} when it is within or the setting has none.
   */
  public String violation(Object value) {
    return value == null || spec.constraint == null ? null : spec.constraint.apply(value);
  }

  /** The value {@code settings} sets explicitly, or {@code null} when it leaves this setting unset. */
  public Object configuredIn(S settings) {
    return configured.apply(settings);
  }

  /** {@code settings} with a parsed value applied. */
  public S applyTo(S settings, Object value) {
    return apply.apply(settings, value);
  }

  /**
   * Declares an {@link ExtensionSetting}.
   *
   * @param <S> the extension's section type
   */
  public static final class Builder<S extends Serializable> {

    private final Class<S> section;
    private final SettingSpec spec;

    private Builder(String key, Class<S> section) {
      this.section = Objects.requireNonNull(section, "section");
      this.spec = new SettingSpec(Objects.requireNonNull(key, "key"), key);
    }

    /** The environment variable that sets it (for every cache of the process). */
    public Builder<S> env(String variable) {
      spec.env(variable);
      return this;
    }

    /** What values it accepts, in words (for messages and the reference). */
    public Builder<S> accepts(String text) {
      spec.accepts(text);
      return this;
    }

    /** Its default, in words (for the reference). */
    public Builder<S> defaultValue(String text) {
      spec.defaultText(text);
      return this;
    }

    /** Its default (for the reference, shown as text). */
    public Builder<S> defaultValue(Object value) {
      spec.defaultValue(value);
      return this;
    }

    /** A whole number from {@code min} to {@code max}, as an {@code Integer}. */
    public Builder<S> intRange(int min, int max) {
      spec.intRange(min, max);
      return this;
    }

    /** A positive duration (seconds, 30m, 2h, 1d, ISO-8601). */
    public Builder<S> duration() {
      spec.parser((raw, loader) -> Durations.parse(raw, spec.key));
      return this;
    }

    /** Text, trimmed and not empty. */
    public Builder<S> text() {
      spec.parser(SettingParsers::text);
      return this;
    }

    /** A number from {@code min} to {@code max}, as a {@code Double}. */
    public Builder<S> decimalRange(double min, double max) {
      Parser decimal = Parser.decimal(min, max);
      spec.parser((raw, loader) -> decimal.parse(raw));
      spec.accepts("a number from " + SettingParsers.show(min) + " to " + SettingParsers.show(max));
      return this;
    }

    /**
     * A list, as a {@code List}, each element parsed by {@code element}: a YAML list, or text
     * (comma-separated, or a flow list {@code [a, b]}).
     */
    public Builder<S> list(Parser element) {
      spec.parser((raw, loader) -> {
        Object value = raw instanceof String text && text.trim().startsWith("[") ? structured(text) : raw;
        Collection<?> items = value instanceof Collection<?> collection ? collection
            : List.of(String.valueOf(value).split(",", -1));
        List<Object> parsed = new ArrayList<>();
        for (Object item : items) {
          parsed.add(element.parse(item instanceof String text ? text.trim() : item));
        }
        return List.copyOf(parsed);
      });
      return this;
    }

    /**
     * A map, as a {@code Map<String, Object>} in the given order, each name parsed by {@code name}
     * and each value by {@code value}: a YAML map, or text holding a JSON (or YAML flow) object. A
     * refused entry is named {@code <key>.<name>} in the message.
     */
    public Builder<S> map(Parser name, Parser value) {
      spec.parser((raw, loader) -> {
        Object structured = raw instanceof String text ? structured(text) : raw;
        if (!(structured instanceof Map<?, ?> entries)) {
          throw new IllegalArgumentException("not a map");
        }
        Map<String, Object> parsed = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
          String entryName = String.valueOf(entry.getKey());
          try {
            parsed.put((String) name.parse(entryName), value.parse(entry.getValue()));
          } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(spec.key + "." + entryName + " = '" + entry.getValue() + "': "
                + e.getMessage(), e);
          }
        }
        return parsed;
      });
      return this;
    }

    /**
     * Refuses values for which {@code check} returns why: parsed values when they are read, and the
     * values a section holds (code included) when a cache is created.
     */
    public Builder<S> constraint(Function<Object, String> check) {
      spec.constraint = Objects.requireNonNull(check, "check");
      return this;
    }

    /** Values parsed by {@code parser}. */
    public Builder<S> parser(Parser parser) {
      spec.parser((raw, loader) -> parser.parse(raw));
      return this;
    }

    /**
     * Completes the declaration.
     *
     * @param configured the value a section sets explicitly, or {@code null} when it leaves it unset
     * @param apply      a section with a parsed value applied
     */
    public ExtensionSetting<S> build(Function<S, Object> configured, BiFunction<S, Object, S> apply) {
      if (spec.parser == null || spec.accepts == null) {
        throw new IllegalStateException(spec.key + ": a parser and what it accepts are needed");
      }
      return new ExtensionSetting<>(section, spec, Objects.requireNonNull(configured, "configured"),
          Objects.requireNonNull(apply, "apply"));
    }
  }

  /** A list or map written as text: JSON or YAML flow style, read safely (no types, no aliases) and bounded. */
  private static Object structured(String text) {
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("longer than " + MAX_TEXT + " characters");
    }
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(0);
    options.setNestingDepthLimit(8);
    try {
      return new Yaml(new SafeConstructor(options)).load(text);
    } catch (YAMLException e) {
      throw new IllegalArgumentException("not valid JSON or YAML");
    }
  }
}
