package org.stratacache.bench.peers;

import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-memory caches of {@code byte[]} values, a mutable type that store-by-value must copy on every
 * read and write (the peers benchmark stores immutable Strings, which are never copied): Strata and
 * Caffeine's JCache adapter side by side, by value and by reference, over 10,000 pre-filled keys.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ByteArrayValuesBenchmark {

  private static final int KEYS = 10_000;

  @Param({"STRATA_MEMORY_VALUE", "CAFFEINE_VALUE", "STRATA_MEMORY_REFERENCE", "CAFFEINE_REFERENCE"})
  public Contender contender;

  @Param({"100", "10240"})
  public int valueSize;

  private CacheManager manager;
  private Cache<String, byte[]> cache;
  private String[] keys;
  private byte[] value;

  @Setup(Level.Trial)
  public void setUp() {
    String provider = contender.name().startsWith("STRATA") ? Contender.STRATA : Contender.CAFFEINE;
    CachingProvider caching = Caching.getCachingProvider(provider);
    manager = caching.getCacheManager(caching.getDefaultURI(), getClass().getClassLoader(), new Properties());
    cache = manager.createCache("bytes-" + valueSize, new MutableConfiguration<String, byte[]>()
        .setTypes(String.class, byte[].class).setStoreByValue(contender.name().endsWith("VALUE")));
    value = new byte[valueSize];
    new SplittableRandom(42).nextBytes(value);
    keys = new String[KEYS];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "key-" + i;
      cache.put(keys[i], value);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    manager.close();
  }

  /** Each thread's random keys. */
  @State(Scope.Thread)
  public static class Picks {
    private final SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());

    String next(ByteArrayValuesBenchmark benchmark) {
      return benchmark.keys[random.nextInt(KEYS)];
    }
  }

  @Benchmark
  public byte[] get(Picks picks) {
    return cache.get(picks.next(this));
  }

  @Benchmark
  public void put(Picks picks) {
    cache.put(picks.next(this), value);
  }
}
