package org.stratacache.bench.peers;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** What every peers benchmark shares: the contender parameter, its open cache, and the clean-up. */
@State(Scope.Benchmark)
public abstract class ContenderBenchmark {

  @Param({"STRATA_MEMORY_VALUE", "STRATA_MEMORY_REFERENCE", "CAFFEINE_VALUE", "CAFFEINE_REFERENCE", "EHCACHE_VALUE",
      "STRATA_REDIS", "REDISSON", "LETTUCE"})
  public Contender contender;

  CacheOps cache;

  /** Empties the contender's cache (a shared Redis keeps nothing for the next trial) and closes it. */
  @TearDown(Level.Trial)
  public void tearDown() {
    cache.clear();
    cache.close();
  }
}
