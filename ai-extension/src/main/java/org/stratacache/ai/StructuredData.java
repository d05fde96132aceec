package org.stratacache.ai;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON-compatible data that comes with an answer: nested maps (string keys), lists, strings,
 * numbers, booleans and {@code null}, such as tool calls, a JSON answer or provider details.
 * Immutable; kept as canonical JSON text (keys sorted, numbers in their shortest exact form), so
 * equal data is equal text and travels the same through every store.
 */
public final class StructuredData implements Serializable {

  /** No data: JSON {@code null}. */
  public static final StructuredData NONE = new StructuredData("null");

  private static final long serialVersionUID = 1L;

  private final String json;

  private StructuredData(String json) {
    this.json = json;
  }

  /**
   * Data holding {@code value}.
   *
   * @param value maps with string keys, collections or arrays, numbers, strings, booleans, enums (by
   *              name) and {@code null}, nested to any depth
   * @throws IllegalArgumentException naming the path of a value that is none of these
   */
  public static StructuredData of(Object value) {
    return value == null ? NONE : new StructuredData(OptionsCanonicalizer.canonicalJson(value, "data"));
  }

  /**
   * Data read from JSON text.
   *
   * @throws IllegalArgumentException when {@code json} is not JSON
   */
  public static StructuredData parse(String json) {
    return of(read(json));
  }

  /** The canonical JSON text. */
  public String json() {
    return json;
  }

  /**
   * A fresh, mutable copy of the data: {@code Map} (insertion-ordered), {@code List}, {@code String},
   * {@code Boolean}, {@code null}, and numbers as {@code Integer}, {@code Long} or {@code BigInteger}
   * when whole, {@code Double} otherwise.
   */
  public Object value() {
    return read(json);
  }

  /** The data as a map when it is a JSON object, else an empty map. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> asMap() {
    return value() instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
  }

  /** The data as a list when it is a JSON array, else an empty list. */
  public List<Object> asList() {
    return value() instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>();
  }

  /** Whether there is no data. */
  public boolean isEmpty() {
    return "null".equals(json);
  }

  private static Object read(String json) {
    try {
      return JSON.std.anyFrom(json);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StructuredData that && json.equals(that.json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return json;
  }
}
