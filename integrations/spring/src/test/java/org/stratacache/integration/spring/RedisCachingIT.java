package org.stratacache.integration.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.cache.support.NullValue;
import org.stratacache.jcache.internal.config.ManagerDefaults;
import org.stratacache.jcache.configuration.Setting;
import org.stratacache.testing.redis.RedisServer;

/** The same annotation scenarios on Strata's Redis store, and proof that the entries really live in Redis. */
class RedisCachingIT extends CachingScenarios {

  private final String prefix = "spring-it-" + UUID.randomUUID();

  @Override
  Map<String, Object> environment() {
    return Map.of("cache.config", "classpath:strata-spring-redis.yaml",
        Setting.REDIS_URI.property(), RedisServer.sharedUri(),
        Setting.KEY_PREFIX.property(), prefix);
  }

  @Test
  void anotherCacheManagerOnTheSameRedisSeesAndChangesSpringsEntries() {
    Book book = books.find(ISBN, "alice");
    books.price(ISBN, "EUR", "request-1");
    books.find(BookService.UNKNOWN, "alice");

    Properties properties = new Properties();
    properties.setProperty(Setting.REDIS_URI.property(), RedisServer.sharedUri());
    properties.setProperty(Setting.KEY_PREFIX.property(), prefix);
    properties.setProperty(Setting.ALLOWED_PACKAGES.property(), Book.class.getPackageName());
    try (CacheManager reader = Caching.getCachingProvider().getCacheManager(URI.create("reader-" + prefix),
        getClass().getClassLoader(), properties)) {
      Cache<Object, Object> readerBooks = reader.createCache("books", new MutableConfiguration<>());
      Cache<Object, Object> readerPrices = reader.createCache("prices", new MutableConfiguration<>());
      assertThat(readerBooks.get(ISBN)).isEqualTo(book);
      assertThat(readerPrices.get(new SimpleKey(ISBN, "EUR"))).isEqualTo(2_500L);
      assertThat(readerBooks.get(BookService.UNKNOWN)).as("readResolve keeps the singleton")
          .isSameAs(NullValue.INSTANCE);
      Cache.Entry<Object, Object> price = readerPrices.iterator().next();
      assertThat(price.getKey()).as("SimpleKey's transient hash is rebuilt on read")
          .isEqualTo(new SimpleKey(ISBN, "EUR")).hasSameHashCodeAs(new SimpleKey(ISBN, "EUR"));

      Book written = new Book(OTHER, "Written elsewhere", List.of("Linus"));
      readerBooks.put(OTHER, written);
      assertThat(books.find(OTHER, "bob")).isEqualTo(written);
      assertThat(books.finds()).as("Spring found the other manager's entry").isEqualTo(2);
      assertThatThrownBy(() -> readerPrices.put(new SimpleKey(ISBN, new AtomicLong()), 1L))
          .as("SimpleKey is allowed, not what it holds").isInstanceOf(CacheException.class)
          .hasMessageContaining(AtomicLong.class.getName());
    }
  }
}
