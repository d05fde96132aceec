package org.stratacache.ai;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request options as one canonical text, so that equal requests give equal keys in every JVM:
 * map keys sorted, nested maps and lists followed, numbers normalized ({@code 1}, {@code 1L},
 * {@code 1.0} and {@code new BigDecimal("1.00")} are all {@code 1}), strings quoted and escaped as
 * in JSON. Options other than maps, collections, arrays, numbers, strings, booleans, enums and
 * {@code null} are refused, since their text form could differ between JVMs.
 */
final class OptionsCanonicalizer {

  private OptionsCanonicalizer() {
  }

  static String canonical(Map<String, ?> options) {
    return canonicalJson(options == null ? Map.of() : options, "options");
  }

  /** The canonical JSON of any JSON-compatible value; {@code path} names it in messages. */
  static String canonicalJson(Object value, String path) {
    StringBuilder text = new StringBuilder(64);
    write(value, text, path);
    return text.toString();
  }

  private static void write(Object value, StringBuilder text, String path) {
    if (value == null) {
      text.append("null");
    } else if (value instanceof Map<?, ?> map) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      map.forEach((key, item) -> {
        if (!(key instanceof String)) {
          throw new IllegalArgumentException(path + " has a key that is not a string: " + key);
        }
        sorted.put((String) key, item);
      });
      text.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> entry : sorted.entrySet()) {
        if (!first) {
          text.append(',');
        }
        first = false;
        quote(entry.getKey(), text);
        text.append(':');
        write(entry.getValue(), text, path + "." + entry.getKey());
      }
      text.append('}');
    } else if (value instanceof Collection<?> collection) {
      writeList(collection.toArray(), text, path);
    } else if (value instanceof Object[] array) {
      writeList(array, text, path);
    } else if (value instanceof Number number) {
      text.append(number(number, path));
    } else if (value instanceof CharSequence || value instanceof Character) {
      quote(value.toString(), text);
    } else if (value instanceof Boolean || value instanceof Enum<?>) {
      text.append(value instanceof Enum<?> e ? "\"" + e.name() + "\"" : value.toString());
    } else {
      throw new IllegalArgumentException(path + " is a " + value.getClass().getName()
          + "; options may hold maps, lists, numbers, strings, booleans, enums and null");
    }
  }

  private static void writeList(Object[] items, StringBuilder text, String path) {
    text.append('[');
    for (int i = 0; i < items.length; i++) {
      if (i > 0) {
        text.append(',');
      }
      write(items[i], text, path + "[" + i + "]");
    }
    text.append(']');
  }

  private static String number(Number number, String path) {
    BigDecimal decimal;
    if (number instanceof BigDecimal big) {
      decimal = big;
    } else if (number instanceof BigInteger big) {
      decimal = new BigDecimal(big);
    } else if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException(path + " = " + d + " is not a number that can be keyed");
      }
      // a float keeps its own shortest decimal form: 0.7f is 0.7, not 0.699999988079071
      decimal = new BigDecimal(number instanceof Float f ? Float.toString(f) : Double.toString(d));
    } else if (number instanceof Long || number instanceof Integer || number instanceof Short
        || number instanceof Byte) {
      decimal = BigDecimal.valueOf(number.longValue());
    } else {
      try {
        decimal = new BigDecimal(number.toString());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(path + " is a " + number.getClass().getName()
            + " whose text is not a number: " + number, e);
      }
    }
    return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
  }

  private static void quote(String value, StringBuilder text) {
    text.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        default -> {
          if (c < 0x20) {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    text.append('"');
  }
}
