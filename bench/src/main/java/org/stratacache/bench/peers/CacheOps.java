package org.stratacache.bench.peers;

import java.util.Map;
import java.util.Set;

/**
 * The operations every contender runs: a {@code javax.cache.Cache} for the providers, raw commands
 * for the Lettuce floor. Implementations are thread-safe.
 */
interface CacheOps extends AutoCloseable {

  String get(String key);

  void put(String key, String value);

  Map<String, String> getAll(Set<String> keys);

  void putAll(Map<String, String> entries);

  /** Adds one to the counter under {@code key} (an entry processor for the providers) and returns it. */
  long increment(String key);

  /** Removes everything this contender wrote. */
  void clear();

  @Override
  void close();
}
