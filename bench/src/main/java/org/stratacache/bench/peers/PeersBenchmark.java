package org.stratacache.bench.peers;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.stratacache.bench.Payloads;

/**
 * Every contender through the same operations over 10,000 pre-filled keys: get (hit), put, a 90/10
 * get/put mix, and getAll/putAll of 100 keys. Run it at 1 and 4 threads ({@code -t}). The Redis
 * contenders use {@code REDIS_URL}, or a private server on a free loopback port.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class PeersBenchmark extends ContenderBenchmark {

  static final int KEYS = 10_000;
  static final int BATCH = 100;
  private static final int FILL_BATCH = 1_000;
  private static final int WRITES_IN_MIX = 10;

  @Param({"100", "10240"})
  public int valueSize;

  String[] keys;
  String value;

  @Setup(Level.Trial)
  public void setUp() {
    value = Payloads.json(valueSize, 1);
    cache = contender.open("peers-" + valueSize, value);
    keys = new String[KEYS];
    Map<String, String> fill = new HashMap<>();
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "key-" + i;
      fill.put(keys[i], value);
      if (fill.size() == FILL_BATCH) {
        cache.putAll(fill);
        fill.clear();
      }
    }
    if (cache.get(keys[KEYS - 1]) == null) {
      throw new IllegalStateException(contender + " lost the pre-filled key " + keys[KEYS - 1]);
    }
  }

  /** Each thread's random keys, and a batch of 100 consecutive keys chosen per iteration. */
  @State(Scope.Thread)
  public static class Picks {
    private final SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());
    Set<String> batchKeys;
    Map<String, String> batchEntries;

    @Setup(Level.Iteration)
    public void prepare(PeersBenchmark benchmark) {
      batchKeys = new LinkedHashSet<>();
      batchEntries = new HashMap<>();
      int start = random.nextInt(KEYS - BATCH);
      for (int i = 0; i < BATCH; i++) {
        batchKeys.add(benchmark.keys[start + i]);
        batchEntries.put(benchmark.keys[start + i], benchmark.value);
      }
    }

    int next() {
      return random.nextInt(KEYS);
    }

    boolean write() {
      return random.nextInt(100) < WRITES_IN_MIX;
    }
  }

  @Benchmark
  public String get(Picks picks) {
    return cache.get(keys[picks.next()]);
  }

  @Benchmark
  public void put(Picks picks) {
    cache.put(keys[picks.next()], value);
  }

  @Benchmark
  public String mix90get10put(Picks picks) {
    String key = keys[picks.next()];
    if (picks.write()) {
      cache.put(key, value);
      return null;
    }
    return cache.get(key);
  }

  @Benchmark
  public Map<String, String> getAll100(Picks picks) {
    return cache.getAll(picks.batchKeys);
  }

  @Benchmark
  public void putAll100(Picks picks) {
    cache.putAll(picks.batchEntries);
  }
}
