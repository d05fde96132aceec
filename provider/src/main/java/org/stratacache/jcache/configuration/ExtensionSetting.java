package org.stratacache.jcache.configuration;

import java.io.Serializable;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A setting of an extension module's section (for example the AI module's {@code ai.text-hash-threshold}),
 * declared once like a {@link Setting}: its key, environment variable, parser, range, default, how a
 * section holds it and how it is applied to one. An extension lists its settings in
 * {@code CacheExtension.settings()}; the cache manager then reads them from a cache's section in a
 * configuration file, the manager's properties ({@code strata.<key>}), the top level of its
 * configuration file, JVM system properties and the environment, with the same precedence, messages
 * and reference entry as the provider's own settings. Immutable.
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
  }

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
    return spec.defaultText != null ? spec.defaultText : SettingParsers.show(spec.defaultValue);
  }

  /**
   * The typed value of {@code raw}.
   *
   * @throws IllegalArgumentException quoting the value and saying what the setting accepts
   */
  public Object parse(Object raw) {
    try {
      return spec.parser.parse(raw, null);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException("'" + raw + "' is not allowed: " + key() + " takes " + accepts()
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
    }
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
}
