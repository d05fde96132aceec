package org.stratacache.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.SerializationFormat;
import org.stratacache.jcache.configuration.SerializationSettings;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.testing.redis.RedisServer;

/** The sample of the guide's JSON values section, run against a real Redis. */
class JsonValuesGuideTest {

  /** A value class of the application. */
  public record Order(String id, List<String> items, int quantity) {
  }

  @Test
  void jsonValues() throws Exception {
    String redisUri = RedisServer.sharedUri();
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("guide:json"),
        getClass().getClassLoader(), new Properties())) {
      // tag::json[]
      Cache<String, Order> orders = manager.createCache("orders",
          StrataConfiguration.builder(String.class, Order.class)        // values are read back as Order
              .storeType(StoreType.REDIS)
              .redisUri(redisUri)
              .serialization(SerializationSettings.none()
                  .format(SerializationFormat.JSON)                         // UTF-8 JSON after the 2-byte header
                  .allowClass(Order.class))                                 // the allow-list still holds
              .build());
      orders.put("o-1", new Order("o-1", List.of("apple", "pear"), 2));
      // end::json[]
      assertThat(orders.get("o-1")).isEqualTo(new Order("o-1", List.of("apple", "pear"), 2));
      orders.clear();
    }
  }
}
