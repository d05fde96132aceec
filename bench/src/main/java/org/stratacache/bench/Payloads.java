package org.stratacache.bench;

/** Benchmark values: JSON-like text of a given size, as web applications cache. */
public final class Payloads {

  private Payloads() {
  }

  /** JSON-like text of exactly {@code size} characters (ASCII, so as many bytes). */
  public static String json(int size, int seed) {
    StringBuilder text = new StringBuilder(size + 64);
    int i = seed;
    text.append('{');
    while (text.length() < size) {
      text.append("\"field").append(i % 97).append("\":{\"id\":").append(i * 7919 % 100_000)
          .append(",\"name\":\"item-").append(i % 1000).append("\",\"active\":").append(i % 3 == 0)
          .append(",\"tags\":[\"a").append(i % 13).append("\",\"b").append(i % 7).append("\"]},");
      i++;
    }
    text.setLength(size - 1);
    text.append('}');
    return text.toString();
  }
}
