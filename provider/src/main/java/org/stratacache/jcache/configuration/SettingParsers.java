package org.stratacache.jcache.configuration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parsers {@link Setting}s are declared with: raw values (text from properties and environment
 * variables, or YAML scalars, lists and maps) to typed values. Every failure is an
 * {@link IllegalArgumentException}; {@link Setting#parse} says what the setting accepts.
 */
final class SettingParsers {

  private SettingParsers() {
  }

  static <E extends Enum<E>> SettingSpec.Parser enumOf(Class<E> type) {
    return (raw, loader) -> Enum.valueOf(type, text(raw, loader).toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** How the reference shows a typed default. */
  static String show(Object value) {
    return value instanceof Enum<?> constant ? constant.name().toLowerCase(Locale.ROOT).replace('_', '-')
        : String.valueOf(value);
  }

  /** A password as given: surrounding spaces may be part of it. */
  static String password(Object raw, ClassLoader loader) {
    String value = String.valueOf(raw);
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty");
    }
    return value;
  }

  static String text(Object raw, ClassLoader loader) {
    String value = String.valueOf(raw).trim();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty");
    }
    return value;
  }

  static long range(Object raw, long min, long max) {
    long value;
    if (raw instanceof Number number) {
      if (number.doubleValue() != number.longValue()) {
        throw new IllegalArgumentException("not a whole number");
      }
      value = number.longValue();
    } else {
      value = Long.parseLong(text(raw, null).replace("_", ""));
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException("out of range");
    }
    return value;
  }

  static boolean bool(Object raw) {
    if (raw instanceof Boolean value) {
      return value;
    }
    String text = text(raw, null).toLowerCase(Locale.ROOT);
    if (!text.equals("true") && !text.equals("false")) {
      throw new IllegalArgumentException("not a boolean");
    }
    return Boolean.parseBoolean(text);
  }

  static Class<?> type(Object raw, ClassLoader loader) {
    if (raw instanceof Class<?> type) {
      return type;  // already parsed, e.g. by the configuration file
    }
    String name = text(raw, loader);
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no class " + name + " on the class path", e);
    }
  }

  static List<String> list(Object raw) {
    Collection<?> items = raw instanceof Collection<?> collection ? collection : List.of(text(raw, null).split(","));
    List<String> values = new ArrayList<>();
    for (Object item : items) {
      String value = (item instanceof Class<?> type ? type.getName() : String.valueOf(item)).trim();
      if (!value.isEmpty()) {
        values.add(value);
      }
    }
    return values;
  }

  static List<Class<?>> classes(Object raw, ClassLoader loader) {
    List<Class<?>> types = new ArrayList<>();
    for (String name : list(raw)) {
      types.add(type(name, loader));
    }
    return types;
  }

  static Map<Class<?>, Integer> registrations(Object raw, ClassLoader loader) {
    if (!(raw instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("not a map");
    }
    Map<Class<?>, Integer> registrations = new LinkedHashMap<>();
    map.forEach((name, id) -> registrations.put(type(name, loader),
        (int) range(id, SerializationSettings.FIRST_USER_ID, Integer.MAX_VALUE)));
    return registrations;
  }
}
