package org.stratacache.bench.report;

import java.util.Map;

/**
 * One JMH result: a benchmark method with its parameters and thread count.
 *
 * @param benchmark      the class's simple name and the method, {@code PeersBenchmark.get}
 * @param params         JMH parameters, {@code contender} and {@code valueSize} for instance
 * @param threads        the thread count
 * @param mode           JMH's mode: {@code thrpt}, {@code avgt}, ...
 * @param score          JMH's score (the mean over iterations)
 * @param median         the median of the iteration scores (the score when none are given)
 * @param unit           the unit of the scores
 * @param bytesPerOp     allocation per operation from {@code -prof gc}, or {@code NaN} without it
 */
record Result(String benchmark, Map<String, String> params, int threads, String mode, double score, double median,
              String unit, double bytesPerOp) {

  Result {
    params = Map.copyOf(params);
  }

  /** Higher is better for throughput; for times, lower is better. */
  boolean higherIsBetter() {
    return "thrpt".equals(mode);
  }

  String param(String name) {
    return params.getOrDefault(name, "");
  }
}
