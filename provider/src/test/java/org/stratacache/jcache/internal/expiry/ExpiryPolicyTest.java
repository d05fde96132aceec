package org.stratacache.jcache.internal.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListener;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;
import javax.cache.management.CacheStatisticsMXBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.expiry.FakeTicker;

/** Every expiry policy through the Cache API, on a fake clock: no test sleeps. */
class ExpiryPolicyTest {

  private static final javax.cache.expiry.Duration TEN_SECONDS =
      new javax.cache.expiry.Duration(TimeUnit.SECONDS, 10);

  private final FakeTicker clock = new FakeTicker();
  private CacheManager manager;

  @BeforeEach
  void openManager() {
    manager = Caching.getCachingProvider().getCacheManager(URI.create("test:expiry"), getClass().getClassLoader());
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  private StrataCache<String, String> cache(ExpiryPolicy policy) {
    return manager.createCache("expiry-" + System.nanoTime(), StrataConfiguration.builder(String.class, String.class)
        .expiryPolicyFactory((Factory<ExpiryPolicy>) () -> policy)
        .statisticsEnabled(true)
        .ticker(clock)
        .build()).unwrap(StrataCache.class);
  }

  private void tick(long seconds) {
    clock.advance(Duration.ofSeconds(seconds));
  }

  @Test
  void eternalEntriesNeverExpire() {
    Cache<String, String> cache = cache(EternalExpiryPolicy.factoryOf().create());
    cache.put("k", "v");
    tick(365L * 24 * 3600 * 100);
    assertThat(cache.get("k")).isEqualTo("v");
  }

  @Test
  void createdPolicyCountsFromCreationOnly() {
    Cache<String, String> cache = cache(new CreatedExpiryPolicy(TEN_SECONDS));
    cache.put("k", "v1");
    tick(6);
    cache.put("k", "v2");
    assertThat(cache.get("k")).isEqualTo("v2");
    tick(3);
    assertThat(cache.get("k")).isEqualTo("v2");
    tick(1);
    assertThat(cache.get("k")).as("expired 10 s after creation despite the update and the reads").isNull();
    assertThat(cache.containsKey("k")).isFalse();
  }

  @Test
  void accessedPolicyExtendsOnEveryRead() {
    Cache<String, String> cache = cache(new AccessedExpiryPolicy(TEN_SECONDS));
    cache.put("k", "v");
    for (int i = 0; i < 5; i++) {
      tick(9);
      assertThat(cache.get("k")).isEqualTo("v");
    }
    tick(9);
    cache.put("k", "v2");
    tick(1);
    assertThat(cache.containsKey("k")).as("an update does not extend an accessed policy").isFalse();
  }

  @Test
  void modifiedPolicyExtendsOnWritesNotReads() {
    Cache<String, String> cache = cache(new ModifiedExpiryPolicy(TEN_SECONDS));
    cache.put("k", "v1");
    tick(9);
    assertThat(cache.get("k")).isEqualTo("v1");
    cache.replace("k", "v2");
    tick(9);
    assertThat(cache.get("k")).isEqualTo("v2");
    tick(1);
    assertThat(cache.get("k")).isNull();
  }

  @Test
  void touchedPolicyExtendsOnReadsAndWrites() {
    Cache<String, String> cache = cache(new TouchedExpiryPolicy(TEN_SECONDS));
    cache.put("k", "v1");
    tick(9);
    assertThat(cache.get("k")).isEqualTo("v1");
    tick(9);
    cache.put("k", "v2");
    tick(9);
    assertThat(cache.iterator().next().getValue()).as("iteration is an access").isEqualTo("v2");
    tick(9);
    assertThat(cache.get("k")).isEqualTo("v2");
    tick(10);
    assertThat(cache.get("k")).isNull();
  }

  @Test
  void zeroCreationDurationStoresNothing() {
    Cache<String, String> cache = cache(new CreatedExpiryPolicy(javax.cache.expiry.Duration.ZERO));
    cache.put("k", "v");
    assertThat(cache.containsKey("k")).isFalse();
    assertThat(cache.putIfAbsent("k", "v")).isFalse();
  }

  @Test
  void customPolicyIsAskedPerBranchAndNullKeepsTheExpiry() {
    CountingPolicy policy = new CountingPolicy(TEN_SECONDS, null, null);
    Cache<String, String> cache = cache(policy);
    cache.put("k", "v1");
    cache.put("k", "v2");
    cache.get("k");
    assertThat(policy.created.get()).isEqualTo(1);
    assertThat(policy.updated.get()).isEqualTo(1);
    assertThat(policy.accessed.get()).isEqualTo(1);
    tick(9);
    assertThat(cache.get("k")).isEqualTo("v2");
    tick(1);
    assertThat(cache.get("k")).as("null for update and access kept the creation expiry").isNull();
  }

  @Test
  void throwingPolicyFallsBackToDefaults() {
    Cache<String, String> cache = cache(new ThrowingPolicy());
    cache.put("k", "v1");
    cache.put("k", "v2");
    tick(365L * 24 * 3600);
    assertThat(cache.get("k")).as("a failing creation expiry means eternal").isEqualTo("v2");
  }

  @Test
  void viewWithItsOwnPolicy() {
    Cache<String, String> cache = cache(EternalExpiryPolicy.factoryOf().create());
    Cache<String, String> shortLived = cache.unwrap(StrataCache.class)
        .withExpiryPolicy(new CreatedExpiryPolicy(TEN_SECONDS));
    shortLived.put("brief", "v");
    cache.put("forever", "v");
    tick(10);
    assertThat(cache.get("brief")).isNull();
    assertThat(cache.get("forever")).isEqualTo("v");
  }

  @Test
  void remainingLifetimeIsExactOnTheFakeClock() {
    StrataCache<String, String> cache = cache(new CreatedExpiryPolicy(TEN_SECONDS));
    cache.put("k", "v");
    assertThat(cache.remainingLifetime("k")).contains(Duration.ofSeconds(10));
    clock.advance(Duration.ofMillis(2_500));
    assertThat(cache.remainingLifetime("k")).contains(Duration.ofMillis(7_500));
    clock.advance(Duration.ofMillis(7_500));
    assertThat(cache.remainingLifetime("k")).as("expired at 10 s").isEmpty();
    assertThat(cache.remainingLifetime("absent")).isEmpty();
  }

  @Test
  void remainingLifetimeOfAnEternalEntry() {
    StrataCache<String, String> cache = cache(new EternalExpiryPolicy());
    cache.put("k", "v");
    assertThat(cache.remainingLifetime("k")).contains(StrataCache.NEVER_EXPIRES);
  }

  @Test
  void readingTheRemainingLifetimeIsNoAccessAndCountsNothing() {
    StrataCache<String, String> cache = cache(new AccessedExpiryPolicy(TEN_SECONDS));
    AtomicInteger expired = new AtomicInteger();
    CacheEntryExpiredListener<String, String> listener = events -> events.forEach(event -> expired.incrementAndGet());
    cache.registerCacheEntryListener(new MutableCacheEntryListenerConfiguration<>(
        (Factory<CacheEntryListener<String, String>>) () -> listener, null, false, true));
    cache.put("k", "v");
    CacheStatisticsMXBean stats = cache.statistics();
    long gets = stats.getCacheGets();
    long hits = stats.getCacheHits();
    clock.advance(Duration.ofSeconds(6));
    assertThat(cache.remainingLifetime("k")).contains(Duration.ofSeconds(4));
    clock.advance(Duration.ofSeconds(5));
    assertThat(cache.remainingLifetime("k")).as("the read at 6 s did not renew the access lifetime").isEmpty();
    assertThat(stats.getCacheGets()).isEqualTo(gets);
    assertThat(stats.getCacheHits()).isEqualTo(hits);
    assertThat(stats.getCacheMisses()).isZero();
    assertThat(expired).as("no listener ran for the lifetime reads").hasValue(0);
  }

  @Test
  void remainingLifetimeOfAClosedCacheOrANullKeyIsRefused() {
    StrataCache<String, String> cache = cache(new EternalExpiryPolicy());
    assertThatThrownBy(() -> cache.remainingLifetime(null)).isInstanceOf(NullPointerException.class);
    cache.close();
    assertThatThrownBy(() -> cache.remainingLifetime("k")).isInstanceOf(IllegalStateException.class);
  }

  /** Counts calls, returning set durations. */
  static final class CountingPolicy implements ExpiryPolicy {
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger updated = new AtomicInteger();
    final AtomicInteger accessed = new AtomicInteger();
    private final javax.cache.expiry.Duration creation;
    private final javax.cache.expiry.Duration update;
    private final javax.cache.expiry.Duration access;

    CountingPolicy(javax.cache.expiry.Duration creation, javax.cache.expiry.Duration update,
                   javax.cache.expiry.Duration access) {
      this.creation = creation;
      this.update = update;
      this.access = access;
    }

    @Override
    public javax.cache.expiry.Duration getExpiryForCreation() {
      created.incrementAndGet();
      return creation;
    }

    @Override
    public javax.cache.expiry.Duration getExpiryForAccess() {
      accessed.incrementAndGet();
      return access;
    }

    @Override
    public javax.cache.expiry.Duration getExpiryForUpdate() {
      updated.incrementAndGet();
      return update;
    }
  }

  /** Fails on every question. */
  static final class ThrowingPolicy implements ExpiryPolicy {
    @Override
    public javax.cache.expiry.Duration getExpiryForCreation() {
      throw new IllegalStateException("creation");
    }

    @Override
    public javax.cache.expiry.Duration getExpiryForAccess() {
      throw new IllegalStateException("access");
    }

    @Override
    public javax.cache.expiry.Duration getExpiryForUpdate() {
      throw new IllegalStateException("update");
    }
  }
}
