package org.stratacache.jcache.internal.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.store.Glob;
import org.stratacache.testing.redis.RedisServer;

/**
 * The glob matcher against Redis itself: random keys and random patterns over the characters that
 * mean something in a pattern ({@code * ? [ ] ^ - \}) plus a few letters and a two-byte letter, each
 * pattern's matches by {@code KEYS} compared with the matcher's; then the same patterns through
 * {@code StrataCache.keys} on a memory cache and a Redis cache holding the same keys.
 */
class GlobAgainstRedisIT {

  private static final String ALPHABET = "ab-z^[]\\*?é";
  private static final String PREFIX = "p:";

  @Test
  void everyValidRandomPatternMatchesWhatRedisMatches() {
    Random random = new Random(20261207L);
    Set<String> keys = new LinkedHashSet<>();
    while (keys.size() < 400) {
      keys.add(randomText(random, 6));
    }
    List<String> patterns = new ArrayList<>();
    int invalid = 0;
    while (patterns.size() < 3_000) {
      String pattern = randomText(random, 8);
      try {
        Glob.matcher(pattern);
        patterns.add(pattern);
      } catch (IllegalArgumentException refused) {
        invalid++;
      }
    }
    try (RedisServer server = RedisServer.start()) {
      RedisClient client = RedisClient.create(server.uri());
      try (StatefulRedisConnection<String, String> connection = client.connect()) {
        RedisCommands<String, String> redis = connection.sync();
        for (String key : keys) {
          redis.set(PREFIX + key, "v");
        }
        int nonEmpty = 0;
        for (String pattern : patterns) {
          Set<String> byRedis = redis.keys(PREFIX + pattern).stream().map(k -> k.substring(PREFIX.length()))
              .collect(Collectors.toCollection(TreeSet::new));
          Glob glob = Glob.matcher(pattern);
          Set<String> byGlob = keys.stream().filter(glob).collect(Collectors.toCollection(TreeSet::new));
          assertThat(byGlob).as("pattern %s", pattern).isEqualTo(byRedis);
          nonEmpty += byRedis.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("patterns that match something").isGreaterThan(300);
        System.out.printf("[glob] %d valid random patterns agree with Redis KEYS on %d keys (%d matched some); "
            + "%d invalid ones refused%n", patterns.size(), keys.size(), nonEmpty, invalid);
      } finally {
        client.shutdown();
      }
      sameOnEveryStore(server.uri(), keys, patterns.subList(0, 300));
    }
  }

  private void sameOnEveryStore(String uri, Set<String> keys, List<String> patterns) {
    CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("test:glob-stores"),
        getClass().getClassLoader());
    try {
      @SuppressWarnings("unchecked")
      StrataCache<String, String> memory = manager.createCache("glob-memory",
          StrataConfiguration.builder(String.class, String.class).storeType(StoreType.MEMORY).build())
          .unwrap(StrataCache.class);
      @SuppressWarnings("unchecked")
      StrataCache<String, String> redis = manager.createCache("glob-redis",
          StrataConfiguration.builder(String.class, String.class).redisUri(uri).build()).unwrap(StrataCache.class);
      for (String key : keys) {
        memory.put(key, "v");
        redis.put(key, "v");
      }
      for (String pattern : patterns) {
        assertThat(new HashSet<>(memory.keys(pattern))).as("pattern %s", pattern)
            .isEqualTo(new HashSet<>(redis.keys(pattern)));
      }
      for (StrataCache<String, String> cache : List.of(memory, redis)) {
        assertThatThrownBy(() -> cache.keys("user:[abc")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("has no closing ']'");
      }
    } finally {
      manager.close();
    }
  }

  private static String randomText(Random random, int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }
}
