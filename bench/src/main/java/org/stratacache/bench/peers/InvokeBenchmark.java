package org.stratacache.bench.peers;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code invoke} with an entry processor that increments a counter, over 1,000 counters; the
 * Lettuce floor is {@code INCR}. Separate from {@link PeersBenchmark} because the value size plays
 * no part.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class InvokeBenchmark extends ContenderBenchmark {

  static final int COUNTERS = 1_000;

  private String[] keys;

  @Setup(Level.Trial)
  public void setUp() {
    cache = contender.open("invoke", "0");
    keys = new String[COUNTERS];
    for (int i = 0; i < COUNTERS; i++) {
      keys[i] = "counter-" + i;
    }
  }

  /** Each thread's counter sequence. */
  @State(Scope.Thread)
  public static class Picks {
    private final SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());

    int next() {
      return random.nextInt(COUNTERS);
    }
  }

  @Benchmark
  public long invokeIncrement(Picks picks) {
    return cache.increment(keys[picks.next()]);
  }
}
