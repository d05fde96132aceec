package org.stratacache.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.spi.StrataCachingProvider;
import org.stratacache.testing.redis.RedisServer;

/**
 * A read served by the near cache against a Redis round trip: Strata with a near cache holding
 * every key, Strata without one, and raw Lettuce sync GET of the same bytes (the round-trip floor).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class NearCacheBenchmark {

  static final int KEYS = 1_000;

  @Param({"100"})
  public int valueSize;

  private CacheManager manager;
  private Cache<String, String> near;
  private Cache<String, String> remote;
  private RedisClient client;
  private StatefulRedisConnection<byte[], byte[]> lettuce;
  private String[] keys;
  private byte[][] rawKeys;

  @Setup(Level.Trial)
  public void setUp() {
    String uri = RedisServer.sharedUri();
    manager = Caching.getCachingProvider(StrataCachingProvider.class.getName())
        .getCacheManager(URI.create("bench:near"), getClass().getClassLoader());
    near = manager.createCache("near", StrataConfiguration.builder(String.class, String.class).redisUri(uri)
        .keyPrefix("bench").nearCacheMaximumSize(KEYS).build());
    remote = manager.createCache("remote", StrataConfiguration.builder(String.class, String.class).redisUri(uri)
        .keyPrefix("bench").build());
    client = RedisClient.create();
    lettuce = client.connect(ByteArrayCodec.INSTANCE, RedisURI.create(uri));
    String value = Payloads.json(valueSize, 1);
    keys = new String[KEYS];
    rawKeys = new byte[KEYS][];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "k" + i;
      near.put(keys[i], value);
      remote.put(keys[i], value);
      rawKeys[i] = ("bench:remote:" + keys[i]).getBytes(StandardCharsets.UTF_8);
    }
    for (String key : keys) {
      near.get(key);  // held from now on
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    near.clear();
    remote.clear();
    lettuce.close();
    client.shutdown();
    manager.close();
  }

  /** Each thread's key sequence. */
  @State(Scope.Thread)
  public static class Cursor {
    private final SplittableRandom random = new SplittableRandom(42);

    int next() {
      return random.nextInt(KEYS);
    }
  }

  @Benchmark
  public String nearCacheGet(Cursor cursor) {
    return near.get(keys[cursor.next()]);
  }

  @Benchmark
  public String redisGet(Cursor cursor) {
    return remote.get(keys[cursor.next()]);
  }

  @Benchmark
  public byte[] rawLettuceGet(Cursor cursor) {
    return lettuce.sync().get(rawKeys[cursor.next()]);
  }
}
