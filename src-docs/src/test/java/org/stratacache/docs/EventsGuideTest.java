package org.stratacache.docs;

import static org.assertj.core.api.Assertions.assertThat;

import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.StrataConfiguration;

/** The sample of the guide's "Events across JVMs" section (configuration only: it needs no Redis). */
class EventsGuideTest {

  /** A listener of the application. */
  public static final class PriceChanges implements CacheEntryCreatedListener<String, Long> {
    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends Long>> events) {
      events.forEach(event -> System.out.println(event.getKey() + " now costs " + event.getValue()));
    }
  }

  @Test
  void remoteEvents() {
    // tag::remote-events[]
    StrataConfiguration<String, Long> prices = StrataConfiguration.builder(String.class, Long.class)
        .redisUri("redis://cache.internal:6379")
        .remoteEvents(true)                                    // hear the writes of every JVM, and expirations
        .addCacheEntryListenerConfiguration(new MutableCacheEntryListenerConfiguration<>(
            FactoryBuilder.factoryOf(PriceChanges.class), null, false, false))
        .build();
    // end::remote-events[]
    assertThat(prices.getEvents().isRemote()).isTrue();
    assertThat(prices.getCacheEntryListenerConfigurations()).hasSize(1);
  }
}
