package org.stratacache.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ratios of the peers benchmarks: Strata ÷ each peer, and each Redis-backed provider ÷ the raw
 * Lettuce floor, from the medians of the same operation, value size and thread count. Throughput
 * ratios: above 1, the first is faster.
 */
final class Ratios {

  /** A ratio column: the median of {@code numerator} over that of {@code denominator}. */
  record Column(String label, String numerator, String denominator) {
  }

  static final List<Column> COLUMNS = List.of(
      new Column("Strata by-value ÷ Caffeine by-value", "STRATA_MEMORY_VALUE", "CAFFEINE_VALUE"),
      new Column("Strata by-reference ÷ Caffeine by-reference", "STRATA_MEMORY_REFERENCE", "CAFFEINE_REFERENCE"),
      new Column("Strata by-value ÷ Ehcache", "STRATA_MEMORY_VALUE", "EHCACHE_VALUE"),
      new Column("Strata by-reference ÷ Ehcache", "STRATA_MEMORY_REFERENCE", "EHCACHE_VALUE"),
      new Column("Strata Redis ÷ Lettuce floor", "STRATA_REDIS", "LETTUCE"),
      new Column("Redisson ÷ Lettuce floor", "REDISSON", "LETTUCE"),
      new Column("Strata Redis ÷ Redisson", "STRATA_REDIS", "REDISSON"));

  /** One operation at one value size and thread count, with a median per contender. */
  record Row(String operation, String valueSize, int threads, Map<String, Result> byContender) {

    /** The ratio of a column, or {@code NaN} when either side was not measured. */
    double ratio(Column column) {
      Result top = byContender.get(column.numerator());
      Result bottom = byContender.get(column.denominator());
      if (top == null || bottom == null || bottom.median() == 0) {
        return Double.NaN;
      }
      return top.higherIsBetter() ? top.median() / bottom.median() : bottom.median() / top.median();
    }

    String label() {
      return operation + (valueSize.isEmpty() ? "" : " " + size(valueSize)) + ", " + threads + "t";
    }
  }

  private Ratios() {
  }

  /** The rows of every result that has a {@code contender} parameter, in the order first seen. */
  static List<Row> rows(List<Result> results) {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Result result : results) {
      String contender = result.param("contender");
      if (contender.isEmpty()) {
        continue;
      }
      String operation = result.benchmark().substring(result.benchmark().indexOf('.') + 1);
      String key = operation + "|" + result.param("valueSize") + "|" + result.threads();
      rows.computeIfAbsent(key, k -> new Row(operation, result.param("valueSize"), result.threads(),
          new LinkedHashMap<>())).byContender().put(contender, result);
    }
    return new ArrayList<>(rows.values());
  }

  static String format(double ratio) {
    return Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.2f", ratio);
  }

  static String size(String bytes) {
    if (bytes.isEmpty()) {
      return "";
    }
    long value = Long.parseLong(bytes);
    if (value >= 1_048_576 && value % 1_048_576 == 0) {
      return value / 1_048_576 + " MB";
    }
    if (value >= 1024 && value % 1024 == 0) {
      return value / 1024 + " KB";
    }
    return value + " B";
  }
}
