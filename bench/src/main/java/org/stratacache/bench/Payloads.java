package org.stratacache.bench;

import java.util.Random;
import java.util.SplittableRandom;

/** Benchmark values: JSON-like text of a given size, as web applications cache. */
public final class Payloads {

  private static final String[] PRODUCTS = {"Desk lamp", "Office chair", "USB-C cable", "Notebook A5", "Coffee mug",
      "Monitor arm", "Wireless mouse", "Standing desk", "Headphones", "Backpack"};
  private static final String[] STATUSES = {"NEW", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"};
  private static final String[] CURRENCIES = {"EUR", "USD", "GBP"};
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Payloads() {
  }

  /**
   * JSON-like text of exactly {@code size} characters (ASCII, so as many bytes), built from a
   * counter: every field is a function of it, so the text compresses far better than real data.
   */
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

  /**
   * A JSON order list of exactly {@code size} characters (ASCII) whose identifiers, prices,
   * quantities and times are random (seeded): the field names and a few words repeat, the values do
   * not, which compresses about as well as the API responses and entities a cache holds.
   */
  public static String randomJson(int size, long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder(size + 512);
    text.append("{\"orders\":[");
    while (text.length() < size) {
      text.append("{\"id\":\"");
      hex(text, random, 8).append('-');
      hex(text, random, 4).append('-');
      hex(text, random, 4).append('-');
      hex(text, random, 4).append('-');
      hex(text, random, 12).append("\",\"customerId\":").append(1_000_000 + random.nextInt(9_000_000))
          .append(",\"sku\":\"SKU-").append(10_000 + random.nextInt(90_000))
          .append("\",\"name\":\"").append(PRODUCTS[random.nextInt(PRODUCTS.length)])
          .append("\",\"price\":").append(random.nextInt(100_000) / 100).append('.')
          .append(10 + random.nextInt(90))
          .append(",\"quantity\":").append(1 + random.nextInt(20))
          .append(",\"currency\":\"").append(CURRENCIES[random.nextInt(CURRENCIES.length)])
          .append("\",\"status\":\"").append(STATUSES[random.nextInt(STATUSES.length)])
          .append("\",\"createdAt\":").append(1_700_000_000_000L + (long) random.nextInt(Integer.MAX_VALUE) * 10)
          .append("},");
    }
    text.setLength(size - 2);
    text.append("]}");
    return text.toString();
  }

  /** {@code size} random bytes (seeded), which no compressor makes smaller. */
  public static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new SplittableRandom(seed).nextBytes(bytes);
    return bytes;
  }

  private static StringBuilder hex(StringBuilder text, Random random, int digits) {
    for (int i = 0; i < digits; i++) {
      text.append(HEX[random.nextInt(HEX.length)]);
    }
    return text;
  }
}
