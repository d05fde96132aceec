package org.stratacache.bench.report;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the JSON that JMH writes with {@code -rf json}. */
final class JmhJson {

  private static final String ALLOCATION = "gc.alloc.rate.norm";

  private JmhJson() {
  }

  /** Every result in {@code file}; a file that is not a JMH result array is an error naming it. */
  static List<Result> read(Path file) throws IOException {
    Object parsed = JSON.std.anyFrom(Files.readString(file));
    if (!(parsed instanceof List<?> entries)) {
      throw new IOException(file + " is not a JMH JSON result file (no top-level array)");
    }
    List<Result> results = new ArrayList<>();
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> map)) {
        throw new IOException(file + " holds an entry that is not an object: " + entry);
      }
      results.add(result(file, map));
    }
    return results;
  }

  private static Result result(Path file, Map<?, ?> entry) throws IOException {
    String benchmark = text(file, entry, "benchmark");
    String[] parts = benchmark.split("\\.");
    String shortName = parts.length < 2 ? benchmark : parts[parts.length - 2] + "." + parts[parts.length - 1];
    Map<String, String> params = new LinkedHashMap<>();
    if (entry.get("params") instanceof Map<?, ?> given) {
      given.forEach((key, value) -> params.put(String.valueOf(key), String.valueOf(value)));
    }
    Map<?, ?> primary = object(file, entry, "primaryMetric");
    double score = number(file, primary, "score");
    double bytesPerOp = Double.NaN;
    if (entry.get("secondaryMetrics") instanceof Map<?, ?> secondary) {
      for (Map.Entry<?, ?> metric : secondary.entrySet()) {
        if (String.valueOf(metric.getKey()).endsWith(ALLOCATION) && metric.getValue() instanceof Map<?, ?> value) {
          bytesPerOp = number(file, value, "score");
        }
      }
    }
    int threads = (int) number(file, entry, "threads");
    return new Result(shortName, params, threads, text(file, entry, "mode"), score, median(primary, score),
        text(file, primary, "scoreUnit"), bytesPerOp);
  }

  private static double median(Map<?, ?> primary, double fallback) {
    List<Double> values = new ArrayList<>();
    if (primary.get("rawData") instanceof List<?> forks) {
      for (Object fork : forks) {
        if (fork instanceof List<?> iterations) {
          for (Object value : iterations) {
            if (value instanceof Number number) {
              values.add(number.doubleValue());
            }
          }
        }
      }
    }
    if (values.isEmpty()) {
      return fallback;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  private static String text(Path file, Map<?, ?> map, String field) throws IOException {
    Object value = map.get(field);
    if (value == null) {
      throw new IOException(file + ": a result has no '" + field + "'");
    }
    return String.valueOf(value);
  }

  private static Map<?, ?> object(Path file, Map<?, ?> map, String field) throws IOException {
    if (map.get(field) instanceof Map<?, ?> value) {
      return value;
    }
    throw new IOException(file + ": a result has no object '" + field + "'");
  }

  private static double number(Path file, Map<?, ?> map, String field) throws IOException {
    Object value = map.get(field);
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof String string && "NaN".equals(string)) {
      return Double.NaN;
    }
    throw new IOException(file + ": '" + field + "' is not a number: " + value);
  }
}
