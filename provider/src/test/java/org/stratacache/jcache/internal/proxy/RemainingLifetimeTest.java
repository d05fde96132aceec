package org.stratacache.jcache.internal.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import javax.cache.management.CacheStatisticsMXBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.expiry.FakeTicker;

/** {@link StrataCache#remainingLifetime} in memory, on a fake clock: exact, and not an access. */
class RemainingLifetimeTest {

  private static final javax.cache.expiry.Duration TEN_SECONDS =
      new javax.cache.expiry.Duration(TimeUnit.SECONDS, 10);

  private final FakeTicker clock = new FakeTicker();
  private CacheManager manager;

  @BeforeEach
  void openManager() {
    manager = Caching.getCachingProvider().getCacheManager(URI.create("test:remaining"),
        getClass().getClassLoader());
  }

  @AfterEach
  void closeManager() {
    manager.close();
  }

  private StrataCache<String, String> cache(ExpiryPolicy policy) {
    return manager.createCache("remaining-" + System.nanoTime(), StrataConfiguration.builder(String.class, String.class)
        .expiryPolicyFactory((Factory<ExpiryPolicy>) () -> policy)
        .statisticsEnabled(true)
        .ticker(clock)
        .build()).unwrap(StrataCache.class);
  }

  @Test
  void exactlyTheConfiguredLifetimeOnTheFakeClock() {
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
  void eternalEntriesNeverExpire() {
    StrataCache<String, String> cache = cache(new EternalExpiryPolicy());
    cache.put("k", "v");
    assertThat(cache.remainingLifetime("k")).contains(StrataCache.NEVER_EXPIRES);
  }

  @Test
  void readingItIsNoAccessAndCountsNothing() {
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
  void aClosedCacheRefusesAndANullKeyIsRefused() {
    StrataCache<String, String> cache = cache(new EternalExpiryPolicy());
    assertThatThrownBy(() -> cache.remainingLifetime(null)).isInstanceOf(NullPointerException.class);
    cache.close();
    assertThatThrownBy(() -> cache.remainingLifetime("k")).isInstanceOf(IllegalStateException.class);
  }
}
