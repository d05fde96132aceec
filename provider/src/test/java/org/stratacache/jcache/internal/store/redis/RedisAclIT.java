package org.stratacache.jcache.internal.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CompletionListener;
import javax.cache.processor.EntryProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.ResiliencePolicy;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.store.StoreSecurityException;
import org.stratacache.jcache.testing.ExpectedWarnings;
import org.stratacache.testing.redis.RedisServer;

/**
 * An ACL user limited to one cache's keys and the store's minimal command set (the line the user
 * guide documents) can do everything with that cache and nothing with another; refusals are clear
 * and are not taken for an outage.
 */
@ExpectedWarnings("connects with users that lack permissions")
class RedisAclIT {

  /** The minimal ACL rule for the Strata Redis store, as documented in the user guide (stores chapter). */
  static final String MINIMAL_COMMANDS = "+get +set +getdel +getex +exists +mget +del +unlink +scan "
      + "+pttl +pexpire +pexpireat +persist +time +evalsha +eval +zadd +zrange +zremrangebyscore +zscan +zrem "
      + "+client|tracking";

  private static RedisServer server;
  private static RedisClient adminClient;
  private static StatefulRedisConnection<String, String> admin;

  private CacheManager manager;

  @BeforeAll
  static void start() {
    server = RedisServer.start();
    adminClient = RedisClient.create();
    admin = adminClient.connect(RedisURI.create(server.uri()));
    setUser("orders", MINIMAL_COMMANDS);
  }

  private static void setUser(String user, String commands) {
    List<String> rules = List.of(("on >orders-secret ~strata:orders:* resetchannels -@all " + commands).split(" "));
    CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).add("SETUSER").add(user);
    rules.forEach(args::add);
    assertThat(admin.sync().dispatch(CommandType.ACL, new StatusOutput<>(StringCodec.UTF8), args)).isEqualTo("OK");
  }

  @AfterAll
  static void stop() {
    admin.close();
    adminClient.shutdown();
    server.close();
  }

  @BeforeEach
  void open() {
    admin.sync().flushall();
    manager = newManager();
  }

  private CacheManager newManager() {
    return Caching.getCachingProvider().getCacheManager(URI.create("test:acl-" + RedisTesting.uniquePrefix()),
        getClass().getClassLoader());
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private static String uri(String userInfo) {
    return "redis://" + userInfo + "@127.0.0.1:" + server.port();
  }

  private Cache<String, String> create(String name, String uri, ResiliencePolicy policy) {
    return create(manager, name, StrataConfiguration.builder(String.class, String.class).redisUri(uri)
        .resiliencePolicy(policy));
  }

  private static Cache<String, String> create(CacheManager in, String name,
                                              StrataConfiguration.Builder<String, String> builder) {
    return in.createCache(name, builder.storeType(StoreType.REDIS)
        .expiryPolicyFactory(AccessedExpiryPolicy.factoryOf(Duration.ONE_HOUR))
        .cacheLoaderFactory(FactoryBuilder.factoryOf(UpperCaseLoader.class)).readThrough(true)
        .build());
  }

  @Test
  void theLimitedUserCanUseEveryOperationOfItsCache() throws Exception {
    exerciseEveryPath("orders");
  }

  @ParameterizedTest
  @MethodSource("minimalRules")
  void everyRuleOfTheMinimalLineIsNeeded(String rule) {
    String user = "without-" + rule.replaceAll("[^a-z]", "");
    setUser(user, String.join(" ", minimalRules().stream().filter(other -> !other.equals(rule)).toList()));
    admin.sync().scriptFlush();
    assertThatThrownBy(() -> exerciseEveryPath(user)).isInstanceOf(CacheException.class);
  }

  /**
   * Every operation of the cache, then the paths only some configurations take: an expiry policy of
   * the application's own (read extensions by script, PEXPIRE; tags with deadlines, PEXPIREAT) and
   * a near cache (CLIENT TRACKING, GET with PTTL).
   */
  private void exerciseEveryPath(String user) throws Exception {
    String uri = uri(user + ":orders-secret");
    exercise(create("orders", uri, ResiliencePolicy.FAIL));
    try (CacheManager custom = newManager()) {
      Cache<String, String> orders = custom.createCache("orders", StrataConfiguration.builder(String.class,
          String.class).storeType(StoreType.REDIS).redisUri(uri)
          .expiryPolicyFactory(FactoryBuilder.factoryOf(HourOnEveryRead.class)).build());
      orders.unwrap(StrataCache.class).withTags("vip").put("p", "1");
      assertThat(orders.get("p")).isEqualTo("1");
      assertThat(orders.unwrap(StrataCache.class).invalidateTag("vip")).isEqualTo(1);
    }
    try (CacheManager near = newManager()) {
      Cache<String, String> orders = near.createCache("orders", StrataConfiguration.builder(String.class,
          String.class).storeType(StoreType.REDIS).redisUri(uri).nearCacheMaximumSize(100L)
          .expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(Duration.ONE_HOUR)).build());
      StrataCache<String, String> extras = orders.unwrap(StrataCache.class);
      extras.withTags("day").put("n", "1");
      assertThat(extras.preload(List.of("n"))).isEqualTo(1);
      assertThat(orders.get("n")).isEqualTo("1");
      assertThat(extras.invalidateTag("day")).isEqualTo(1);
    }
  }

  static List<String> minimalRules() {
    return List.of(MINIMAL_COMMANDS.split(" "));
  }

  private static void exercise(Cache<String, String> orders) throws Exception {
    orders.put("a", "1");
    assertThat(orders.get("a")).isEqualTo("1");
    assertThat(orders.containsKey("a")).isTrue();
    assertThat(orders.getAndPut("a", "2")).isEqualTo("1");
    assertThat(orders.putIfAbsent("a", "x")).isFalse();
    assertThat(orders.putIfAbsent("b", "3")).isTrue();
    orders.putAll(Map.of("c", "4", "d", "5"));
    assertThat(orders.getAll(Set.of("a", "b", "z"))).as("z read through").isEqualTo(Map.of("a", "2", "b", "3",
        "z", "Z"));
    assertThat(orders.remove("z")).isTrue();
    assertThat(orders.replace("a", "2", "22")).isTrue();
    assertThat(orders.replace("a", "23")).isTrue();
    assertThat(orders.getAndReplace("a", "24")).isEqualTo("23");
    assertThat(orders.remove("a", "24")).isTrue();
    assertThat(orders.remove("b")).isTrue();
    assertThat(orders.getAndRemove("c")).isEqualTo("4");
    EntryProcessor<String, String, String> append = (entry, args) -> {
      entry.setValue(entry.exists() ? entry.getValue() + "+" : "new");
      return entry.getValue();
    };
    assertThat(orders.invoke("d", append)).isEqualTo("5+");
    assertThat(orders.invokeAll(Set.of("d", "e"), append)).hasSize(2);
    List<String> keys = new ArrayList<>();
    orders.forEach(entry -> keys.add(entry.getKey()));
    assertThat(keys).containsExactlyInAnyOrder("d", "e");
    orders.removeAll(Set.of("d"));
    orders.removeAll();
    assertThat(orders.get("lower")).as("read-through").isEqualTo("LOWER");
    CompletionWaiter loaded = new CompletionWaiter();
    orders.loadAll(Set.of("x", "y"), true, loaded);
    loaded.await();
    assertThat(orders.getAll(Set.of("x", "y"))).isEqualTo(Map.of("x", "X", "y", "Y"));
    StrataCache<String, String> extras = orders.unwrap(StrataCache.class);
    extras.withTags("vip").put("t", "tagged");
    assertThat(extras.keys("*")).contains("t", "x");
    assertThat(extras.invalidateTag("vip")).isEqualTo(1);
    assertThat(extras.invalidatePattern("x*")).isEqualTo(1);
    orders.clear();
    assertThat(orders.iterator().hasNext()).isFalse();
  }

  @Test
  void theLimitedUserCannotReadAnotherCacheAndThatIsNotAnOutage() {
    Cache<String, String> users = create("users", uri("orders:orders-secret"), ResiliencePolicy.MISS);
    admin.sync().set("strata:users:alice", "not for orders");
    assertThatThrownBy(() -> users.get("alice"))
        .isInstanceOf(StoreSecurityException.class)
        .hasMessageContaining("NOPERM")
        .hasMessageContaining("GET")
        .hasMessageContaining("redis://orders:****@");
    assertThatThrownBy(() -> users.put("bob", "x")).isInstanceOf(StoreSecurityException.class);
    assertThatThrownBy(() -> users.get("alice")).as("still refused, not served as a miss by the 'miss' policy")
        .isInstanceOf(StoreSecurityException.class);
    Cache<String, String> orders = create("orders", uri("orders:orders-secret"), ResiliencePolicy.MISS);
    orders.put("still", "works");
    assertThat(orders.get("still")).isEqualTo("works");
  }

  @Test
  void aWrongPasswordFailsCreateCacheSayingAuthenticationFailed() {
    assertThatThrownBy(() -> create("orders", uri("orders:wrong-secret"), ResiliencePolicy.MISS))
        .isInstanceOf(StoreSecurityException.class)
        .hasMessageContaining("Authentication failed for Redis at redis://orders:****@127.0.0.1:" + server.port())
        .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain("wrong-secret"))
        .hasMessageNotContaining("wrong-secret");
  }

  @Test
  void anUnknownUserFailsCreateCacheSayingAuthenticationFailed() {
    assertThatThrownBy(() -> create("orders", uri("nobody:whatever"), ResiliencePolicy.LOCAL_FALLBACK))
        .isInstanceOf(CacheException.class)
        .hasMessageContaining("Authentication failed")
        .hasMessageNotContaining("whatever");
  }

  /** An expiry policy of the application's own: an hour from creation and from every read. */
  public static final class HourOnEveryRead implements ExpiryPolicy, Serializable {

    private static final long serialVersionUID = 1L;

    @Override
    public Duration getExpiryForCreation() {
      return Duration.ONE_HOUR;
    }

    @Override
    public Duration getExpiryForAccess() {
      return Duration.ONE_HOUR;
    }

    @Override
    public Duration getExpiryForUpdate() {
      return null;
    }
  }

  /** Loads the upper case of the key. */
  public static final class UpperCaseLoader implements CacheLoader<String, String> {

    @Override
    public String load(String key) {
      return key.toUpperCase(Locale.ROOT);
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      Map<String, String> loaded = new HashMap<>();
      keys.forEach(key -> loaded.put(key, load(key)));
      return loaded;
    }
  }

  /** Waits for {@code loadAll} to finish and rethrows its failure. */
  private static final class CompletionWaiter implements CompletionListener {

    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public void onCompletion() {
      calls.incrementAndGet();
      done.complete(null);
    }

    @Override
    public void onException(Exception e) {
      done.completeExceptionally(e);
    }

    void await() throws Exception {
      done.get(30, TimeUnit.SECONDS);
    }
  }
}
