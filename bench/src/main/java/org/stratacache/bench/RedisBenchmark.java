package org.stratacache.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
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
import org.stratacache.jcache.configuration.ManagerDefaults;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.testing.RedisServer;

/**
 * Strata Cache on Redis against the floor: raw Lettuce sync GET/SET of the same stored bytes on one
 * connection, and one pipelined round trip of 100 commands. Both run against the same Redis
 * ({@code REDIS_URL}, or a private server on a free loopback port) in the same JVM.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class RedisBenchmark {

  static final int KEYS = 10_000;
  static final int BATCH = 100;

  @Param({"100", "10240"})
  public int valueSize;

  private CacheManager manager;
  private Cache<String, String> strata;
  private RedisClient client;
  private StatefulRedisConnection<byte[], byte[]> lettuce;
  private String[] keys;
  private byte[][] rawKeys;
  private String value;
  private byte[] storedBytes;

  @Setup(Level.Trial)
  public void setUp() {
    String uri = RedisServer.sharedUri();
    Properties properties = new Properties();
    properties.setProperty(ManagerDefaults.REDIS_URI, uri);
    manager = Caching.getCachingProvider().getCacheManager(URI.create("bench:redis"), getClass().getClassLoader(),
        properties);
    strata = manager.createCache("bench-" + valueSize, StrataConfiguration.builder(String.class, String.class)
        .keyPrefix("bench").build());
    client = RedisClient.create();
    lettuce = client.connect(ByteArrayCodec.INSTANCE, RedisURI.create(uri));
    value = Payloads.json(valueSize, 1);
    keys = new String[KEYS];
    rawKeys = new byte[KEYS][];
    Map<String, String> fill = new HashMap<>();
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "key-" + i;
      rawKeys[i] = ("raw:" + valueSize + ":" + i).getBytes(StandardCharsets.UTF_8);
      fill.put(keys[i], value);
    }
    strata.putAll(fill);
    storedBytes = lettuce.sync().get(("bench:bench-" + valueSize + ":key-0").getBytes(StandardCharsets.UTF_8));
    for (byte[] rawKey : rawKeys) {
      lettuce.sync().set(rawKey, storedBytes);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    strata.clear();
    manager.close();
    lettuce.close();
    client.shutdown();
  }

  /** Per-thread random keys and prepared batches. */
  @State(Scope.Thread)
  public static class Picks {
    private final SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());
    Set<String> batchKeys;
    Map<String, String> batchEntries;
    byte[][] rawBatch;

    @Setup(Level.Iteration)
    public void prepare(RedisBenchmark benchmark) {
      batchKeys = new LinkedHashSet<>();
      batchEntries = new HashMap<>();
      rawBatch = new byte[BATCH][];
      int start = random.nextInt(KEYS - BATCH);
      for (int i = 0; i < BATCH; i++) {
        batchKeys.add(benchmark.keys[start + i]);
        batchEntries.put(benchmark.keys[start + i], benchmark.value);
        rawBatch[i] = benchmark.rawKeys[start + i];
      }
    }

    int next() {
      return random.nextInt(KEYS);
    }
  }

  @Benchmark
  public String strataGet(Picks picks) {
    return strata.get(keys[picks.next()]);
  }

  @Benchmark
  public void strataPut(Picks picks) {
    strata.put(keys[picks.next()], value);
  }

  @Benchmark
  public Map<String, String> strataGetAll100(Picks picks) {
    return strata.getAll(picks.batchKeys);
  }

  @Benchmark
  public void strataPutAll100(Picks picks) {
    strata.putAll(picks.batchEntries);
  }

  @Benchmark
  public byte[] lettuceGet(Picks picks) {
    return lettuce.sync().get(rawKeys[picks.next()]);
  }

  @Benchmark
  public String lettuceSet(Picks picks) {
    return lettuce.sync().set(rawKeys[picks.next()], storedBytes);
  }

  @Benchmark
  public List<byte[]> lettucePipelinedGet100(Picks picks) throws Exception {
    List<RedisFuture<byte[]>> futures = new ArrayList<>(BATCH);
    for (byte[] key : picks.rawBatch) {
      futures.add(lettuce.async().get(key));
    }
    List<byte[]> values = new ArrayList<>(BATCH);
    for (RedisFuture<byte[]> future : futures) {
      values.add(future.get(10, TimeUnit.SECONDS));
    }
    return values;
  }

  @Benchmark
  public void lettucePipelinedSet100(Picks picks) throws Exception {
    List<RedisFuture<String>> futures = new ArrayList<>(BATCH);
    for (byte[] key : picks.rawBatch) {
      futures.add(lettuce.async().set(key, storedBytes));
    }
    for (RedisFuture<String> future : futures) {
      future.get(10, TimeUnit.SECONDS);
    }
  }
}
