package org.stratacache.jcache.internal.concurrent;

import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * How many threads a cache manager's pools may use and how many tasks may wait, from the
 * manager's properties or else the JVM's system properties. Every pool has the same default size,
 * {@link #DEFAULT_THREADS}: twice the available processors, at most 16.
 *
 * @param listeners threads delivering events to asynchronous listeners ({@value #LISTENERS})
 * @param loaders   threads running {@code loadAll} ({@value #LOADERS})
 * @param events    threads decoding other JVMs' events and near-cache invalidations ({@value #EVENTS})
 * @param queue     tasks each pool lets wait before it pushes back ({@value #QUEUE})
 */
public record ThreadSettings(int listeners, int loaders, int events, int queue) {

  /** Property: threads for asynchronous listeners. */
  public static final String LISTENERS = "strata.threads.listeners";
  /** Property: threads for {@code loadAll}. */
  public static final String LOADERS = "strata.threads.loaders";
  /** Property: threads for incoming remote events and invalidations. */
  public static final String EVENTS = "strata.threads.events";
  /** Property: tasks that may wait per pool. */
  public static final String QUEUE = "strata.threads.queue";
  /** The default size of every pool: {@code min(2 * available processors, 16)}. */
  public static final int DEFAULT_THREADS = Math.min(2 * Runtime.getRuntime().availableProcessors(), 16);
  private static final int MAX_THREADS = 256;
  private static final int MAX_QUEUE = 10_000_000;
  /** The default number of tasks that may wait per pool. */
  public static final int DEFAULT_QUEUE = 10_000;

  /** Sizes from {@code properties} (a cache manager's), else system properties, else the defaults. */
  public static ThreadSettings of(Properties properties) {
    Properties given = properties == null ? new Properties() : properties;
    UnaryOperator<String> lookup = key -> {
      String value = given.getProperty(key);
      return value == null || value.isBlank() ? System.getProperty(key) : value;
    };
    return new ThreadSettings(size(lookup, LISTENERS, DEFAULT_THREADS, MAX_THREADS),
        size(lookup, LOADERS, DEFAULT_THREADS, MAX_THREADS), size(lookup, EVENTS, DEFAULT_THREADS, MAX_THREADS),
        size(lookup, QUEUE, DEFAULT_QUEUE, MAX_QUEUE));
  }

  private static int size(UnaryOperator<String> lookup, String key, int fallback, int max) {
    String value = lookup.apply(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= 1 && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(key + " = " + value + ": expected a whole number from 1 to " + max);
  }
}
