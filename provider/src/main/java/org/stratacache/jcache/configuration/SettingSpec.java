package org.stratacache.jcache.configuration;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The declaration of one {@link Setting}, written fluently where the setting is listed. */
final class SettingSpec {

  /** Turns raw text (or a YAML value) into the setting's type; throws IllegalArgumentException. */
  interface Parser {
    Object parse(Object raw, ClassLoader loader);
  }

  final String key;
  final String field;
  String environmentVariable;
  String accepts;
  String defaultText;
  Object defaultValue;
  boolean managerDefault = true;
  boolean managerOnly;
  boolean merged;
  boolean secret;
  boolean masked;
  Parser parser;
  Function<Object, String> constraint;
  Function<StrataConfiguration<?, ?>, Object> configured;
  BiConsumer<StrataConfiguration.Builder<?, ?>, Object> apply;

  SettingSpec(String key, String field) {
    this.key = key;
    this.field = field;
  }

  SettingSpec env(String variable) {
    this.environmentVariable = variable;
    return this;
  }

  SettingSpec parser(Parser textParser) {
    this.parser = textParser;
    return this;
  }

  SettingSpec accepts(String text) {
    this.accepts = text;
    return this;
  }

  /** The default as the reference shows it: its text when one was given, else the value shown. */
  String shownDefault() {
    return defaultText != null ? defaultText : SettingParsers.show(defaultValue);
  }

  SettingSpec defaultText(String text) {
    this.defaultText = text;
    return this;
  }

  SettingSpec defaultValue(Object value) {
    this.defaultValue = value;
    return this;
  }

  /** Set per cache only: no manager-wide default. */
  SettingSpec cacheOnly() {
    this.managerDefault = false;
    return this;
  }

  /** Set for the cache manager (its pools) only: no cache reads it, a cache's section may not set it. */
  SettingSpec managerOnly() {
    this.managerOnly = true;
    return this;
  }

  /** Values of every level are combined. */
  SettingSpec merged() {
    this.merged = true;
    return this;
  }

  /** Never shown, nor said how it was refused beyond what it accepts. */
  SettingSpec secret() {
    this.secret = true;
    return this;
  }

  /** Shown as {@code ****} when refused. */
  SettingSpec masked() {
    this.masked = true;
    return this;
  }

  SettingSpec configured(Function<StrataConfiguration<?, ?>, Object> reader) {
    this.configured = reader;
    return this;
  }

  SettingSpec apply(BiConsumer<StrataConfiguration.Builder<?, ?>, Object> applier) {
    this.apply = applier;
    return this;
  }

  /** Applied to the Redis TLS settings. */
  SettingSpec tls(BiFunction<RedisTlsSettings, Object, RedisTlsSettings> change) {
    return apply((builder, value) -> builder.redisTls(change.apply(builder.currentRedisTls(), value)));
  }

  /** Applied to (merged into) the serialization settings. */
  SettingSpec serialization(BiFunction<SerializationSettings, Object, SerializationSettings> change) {
    return apply((builder, value) -> builder.serialization(change.apply(builder.currentSerialization(), value)));
  }

  /** A whole number from {@code min} to {@code max}, as an {@code Integer}. */
  SettingSpec intRange(int min, int max) {
    range(min, max);
    return parser((raw, loader) -> (int) SettingParsers.range(raw, min, max));
  }

  /** A whole number from {@code min} to {@code max}, as a {@code Long}. */
  SettingSpec longRange(long min, long max) {
    range(min, max);
    return parser((raw, loader) -> SettingParsers.range(raw, min, max));
  }

  private void range(long min, long max) {
    accepts("a whole number from " + min + " to " + max);
    constraint = value -> {
      long number = ((Number) value).longValue();
      return number < min ? "must be greater than or equal to " + min
          : number > max ? "must be less than or equal to " + max : null;
    };
  }

  /** A positive duration of at least a millisecond. */
  SettingSpec duration() {
    constraint = value -> ((Duration) value).compareTo(Duration.ofMillis(1)) < 0 ? "must be at least 1 ms" : null;
    return parser((raw, loader) -> Durations.parse(raw, key));
  }

  /** {@code true} or {@code false}. */
  SettingSpec bool(boolean byDefault) {
    return parser((raw, loader) -> SettingParsers.bool(raw)).accepts("true or false").defaultValue(byDefault);
  }

  /** Text matching {@code regex} (checked when a cache is created, like every range). */
  SettingSpec pattern(String regex, String message) {
    Pattern compiled = Pattern.compile(regex);
    constraint = value -> compiled.matcher((String) value).matches() ? null : message;
    return accepts(message.replaceFirst("^must be ", ""));
  }
}
