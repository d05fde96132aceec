package org.stratacache.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.expiry.FakeTicker;

/** The AI cache on the in-memory store; lifetimes observed on a fake clock. */
class MemoryAIResponseCacheTest extends AIResponseCacheContractTest {

  private final FakeTicker clock = new FakeTicker();

  @Override
  protected CacheManager createManager() {
    return Caching.getCachingProvider().getCacheManager(URI.create("test:ai-memory"), getClass().getClassLoader());
  }

  @Override
  protected void configure(StrataConfiguration.Builder<String, AIResponse> builder) {
    builder.storeType(StoreType.MEMORY).ticker(clock);
  }

  @Override
  public Instant now() {
    return Instant.ofEpochMilli(clock.millis());
  }

  @Override
  public void passes(Duration time) {
    clock.advance(time);
  }

  @Override
  public void assertLifetime(String key, Duration ttl) {
    clock.advance(ttl.minusSeconds(1));
    assertThat(cache.get(key)).as("alive just before " + ttl).isNotNull();
    clock.advance(Duration.ofSeconds(2));
    assertThat(cache.get(key)).as("gone just after " + ttl).isNull();
  }
}
