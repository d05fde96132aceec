package org.stratacache.jcache.internal.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.ResiliencePolicy;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.testing.ExpectedWarnings;
import org.stratacache.testing.redis.RedisCluster;
import org.stratacache.testing.redis.RedisServer;

/**
 * A master of a 3 master + 3 replica cluster is killed (SIGKILL) while the cache keeps working:
 * every write that was acknowledged and replicated before the kill is still read afterwards, the
 * same cache recovers without a restart once the replica is promoted (Lettuce refreshes its view of
 * the topology), and in between callers see {@link CacheException}s within the timeout, never a
 * wrong value. Prints the time to recovery and the errors seen for the record.
 */
@ExpectedWarnings("kills a cluster master")
class RedisClusterFailoverIT {

  private static final Duration TIMEOUT = Duration.ofMillis(1000);
  private static final int KEYS = 3000;
  private static final Pattern OFFSET = Pattern.compile("master_repl_offset:(\\d+)");

  @Test
  void killingAMasterLosesNoReplicatedWriteAndTheCacheRecoversWithoutRestart() throws Exception {
    try (RedisCluster cluster = RedisCluster.start(3, 1);
         CacheManager manager = Caching.getCachingProvider().getCacheManager(
             URI.create("test:cluster-failover-" + cluster.nodes().get(0).port()), getClass().getClassLoader())) {
      String prefix = RedisTesting.uniquePrefix();
      Cache<String, String> cache = manager.createCache("orders", StrataConfiguration.builder(String.class,
          String.class).redisUri(cluster.uri()).redisTimeout(TIMEOUT).resiliencePolicy(ResiliencePolicy.FAIL)
          .keyPrefix(prefix).build());
      Map<String, Set<String>> written = new ConcurrentHashMap<>();
      for (int i = 0; i < KEYS; i++) {
        written.put("k" + i, ConcurrentHashMap.newKeySet());
        written.get("k" + i).add("v" + i);
        cache.put("k" + i, "v" + i);
      }
      awaitReplicated(cluster);

      byte[] victimKey = (prefix + ":orders:k0").getBytes(StandardCharsets.UTF_8);
      RedisServer victim = cluster.masterOf(victimKey);
      cluster.kill(victim);
      long killed = System.nanoTime();
      CompletableFuture<Long> promoted = CompletableFuture.supplyAsync(() -> {
        cluster.awaitServed(victimKey, Duration.ofSeconds(30));
        return System.nanoTime() - killed;
      });
      Failover failover = new Failover(cache, written);
      long recoveredNanos = failover.runUntilRecovered("k0", killed, TimeUnit.SECONDS.toNanos(30));
      long promotedNanos = promoted.get(30, TimeUnit.SECONDS);

      System.out.printf("[cluster-failover] master on port %d killed: replica promoted after %d ms (cluster_state:ok "
              + "on every live node), the cache served k0 again after %d ms (node timeout %d ms, command timeout %d ms); "
              + "during failover %d calls, %d failed (%s), slowest call %d ms, %d reads checked%n", victim.port(),
          TimeUnit.NANOSECONDS.toMillis(promotedNanos), TimeUnit.NANOSECONDS.toMillis(recoveredNanos),
          RedisCluster.NODE_TIMEOUT_MS, TIMEOUT.toMillis(), failover.calls, failover.failures(), failover.errors,
          TimeUnit.NANOSECONDS.toMillis(failover.slowestNanos), failover.checkedReads);

      assertThat(failover.wrongValues).as("values read that were never written for their key").isEmpty();
      assertThat(failover.slowestNanos).as("no call blocks past the timeout (plus scheduling noise)")
          .isLessThan(TIMEOUT.plusSeconds(1).toNanos());
      Map<String, String> all = cache.getAll(written.keySet());
      Set<String> lost = new HashSet<>();
      written.forEach((key, values) -> {
        String value = all.get(key);
        if (value == null || !values.contains(value)) {
          lost.add(key + " -> " + all.get(key));
        }
      });
      assertThat(lost).as("replicated writes missing after the failover").isEmpty();
      Map<String, String> iterated = new HashMap<>();
      cache.forEach(entry -> iterated.put(entry.getKey(), entry.getValue()));
      assertThat(iterated).as("iteration reaches the promoted replica's keys").isEqualTo(all);
      cache.put("k0", "after");
      assertThat(cache.get("k0")).isEqualTo("after");
      assertThat(cache.unwrap(StrataCache.class).invalidatePattern("k1*")).isEqualTo(1111);
      cache.clear();
      assertThat(cache.iterator().hasNext()).as("clear reaches every master, the promoted one too").isFalse();
    }
  }

  /**
   * Waits until each replica has processed its master's whole replication stream as it stands now,
   * so every write acknowledged so far is on two nodes.
   */
  private static void awaitReplicated(RedisCluster cluster) throws InterruptedException {
    RedisClient client = RedisClient.create();
    try {
      List<RedisServer> nodes = cluster.nodes();
      int masters = nodes.size() / 2;
      for (int i = 0; i < masters; i++) {
        long target = offset(client, nodes.get(i));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (offset(client, nodes.get(masters + i)) < target) {
          assertThat(System.nanoTime() - deadline).as("replica of port %d caught up", nodes.get(i).port())
              .isNegative();
          Thread.sleep(20);
        }
      }
    } finally {
      client.shutdown();
    }
  }

  private static long offset(RedisClient client, RedisServer node) {
    try (StatefulRedisConnection<String, String> connection = client.connect(RedisURI.create(node.uri()))) {
      Matcher matcher = OFFSET.matcher(connection.sync().info("replication"));
      assertThat(matcher.find()).as("INFO replication of port %d", node.port()).isTrue();
      return Long.parseLong(matcher.group(1));
    }
  }

  /** Reads and writes while the cluster fails over, and what they saw. */
  private static final class Failover {
    final Cache<String, String> cache;
    final Map<String, Set<String>> written;
    final Set<String> wrongValues = new HashSet<>();
    final Map<String, Integer> errors = new TreeMap<>();
    long calls;
    long checkedReads;
    long slowestNanos;
    long sequence;

    Failover(Cache<String, String> cache, Map<String, Set<String>> written) {
      this.cache = cache;
      this.written = written;
    }

    /**
     * Cycles through the keys, writing every tenth, until {@code probe} (a key of the killed master)
     * is served again; returns nanoseconds since {@code killed}.
     */
    long runUntilRecovered(String probe, long killed, long limitNanos) {
      for (int i = 0; System.nanoTime() - killed < limitNanos; i++) {
        if (attempt(probe, false)) {
          return System.nanoTime() - killed;
        }
        attempt("k" + (i % KEYS), i % 10 == 0);
      }
      throw new AssertionError("The cache did not serve " + probe + " again within "
          + TimeUnit.NANOSECONDS.toSeconds(limitNanos) + " s of the kill; errors: " + errors);
    }

    private boolean attempt(String key, boolean write) {
      long begin = System.nanoTime();
      calls++;
      try {
        if (write) {
          String value = key + "#" + ++sequence;
          written.get(key).add(value);  // before it can be read: a failed write may still have been applied
          cache.put(key, value);
        } else {
          String value = cache.get(key);
          checkedReads++;
          if (value == null || !written.get(key).contains(value)) {  // every key was replicated: a miss is a loss
            wrongValues.add(key + " -> " + value);
          }
        }
        return true;
      } catch (CacheException e) {
        errors.merge(kind(e), 1, Integer::sum);
        return false;
      } finally {
        slowestNanos = Math.max(slowestNanos, System.nanoTime() - begin);
      }
    }

    long failures() {
      return errors.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** Fail-fast of the open circuit, or the Redis error or exception at the bottom, without key or address. */
    private static String kind(Throwable e) {
      if (String.valueOf(e.getMessage()).contains("failing fast")) {
        return "fail-fast while the circuit is open";
      }
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      String message = String.valueOf(root.getMessage());
      String first = message.split(" ")[0];
      return root.getClass().getSimpleName() + (first.equals(first.toUpperCase(Locale.ROOT))
          && first.length() > 2 ? " " + first : "");
    }
  }
}
