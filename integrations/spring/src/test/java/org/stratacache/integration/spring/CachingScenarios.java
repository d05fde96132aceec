package org.stratacache.integration.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.cache.Cache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.CacheManager;
import org.springframework.cache.support.NullValue;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The JSR-107 annotation scenarios every store must pass under Spring's {@code @EnableCaching}. */
abstract class CachingScenarios {

  static final String ISBN = "978-1";
  static final String OTHER = "978-2";

  AnnotationConfigApplicationContext context;
  BookService books;

  /** The environment the Spring context starts with: at least {@code cache.config}. */
  abstract Map<String, Object> environment();

  @BeforeEach
  void startSpring() {
    context = new AnnotationConfigApplicationContext();
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", environment()));
    context.register(CachingConfiguration.class);
    context.refresh();
    books = context.getBean(BookService.class);
  }

  @AfterEach
  void stopSpring() {
    context.close();
  }

  /** The JCache cache behind Spring's cache of that name. */
  Cache<Object, Object> nativeCache(String name) {
    @SuppressWarnings("unchecked")
    Cache<Object, Object> cache = (Cache<Object, Object>) context
        .getBean(CacheManager.class).getCache(name).getNativeCache();
    return cache;
  }

  @Test
  void secondCallWithTheSameKeyDoesNotRunTheMethod() {
    Book first = books.find(ISBN, "alice");
    Book second = books.find(ISBN, "alice");
    assertThat(books.finds()).isEqualTo(1);
    assertThat(second).isEqualTo(first);
    assertThat(nativeCache("books").get(ISBN)).as("a one-part key is the argument itself").isEqualTo(first);
  }

  @Test
  void onlyCacheKeyArgumentsFormTheKey() {
    books.find(ISBN, "alice");
    books.find(ISBN, "bob");
    assertThat(books.finds()).as("requestedBy is not part of the key").isEqualTo(1);

    assertThat(books.price(ISBN, "EUR", "request-1")).isEqualTo(2_500L);
    assertThat(books.price(ISBN, "EUR", "request-2")).isEqualTo(2_500L);
    assertThat(books.prices()).isEqualTo(1);
    assertThat(books.price(ISBN, "USD", "request-3")).isEqualTo(2_900L);
    assertThat(books.prices()).as("the currency is part of the key").isEqualTo(2);
  }

  @Test
  void cachePutChangesWhatCacheResultReturns() {
    books.find(ISBN, "alice");
    Book revised = new Book(ISBN, "Revised", List.of("Ada"));
    books.update(ISBN, revised);
    assertThat(books.find(ISBN, "alice")).isEqualTo(revised);

    books.update(OTHER, new Book(OTHER, "Never looked up", List.of()));
    assertThat(books.find(OTHER, "bob").title()).isEqualTo("Never looked up");
    assertThat(books.finds()).isEqualTo(1);
  }

  @Test
  void cacheRemoveEvictsOneKey() {
    books.find(ISBN, "alice");
    books.find(OTHER, "alice");
    books.evict(ISBN);
    books.find(ISBN, "alice");
    books.find(OTHER, "alice");
    assertThat(books.finds()).as("only the evicted book ran again").isEqualTo(3);
  }

  @Test
  void cacheRemoveAllEvictsEveryKey() {
    books.find(ISBN, "alice");
    books.find(OTHER, "alice");
    books.evictAll();
    assertThat(nativeCache("books").iterator().hasNext()).isFalse();
    books.find(ISBN, "alice");
    books.find(OTHER, "alice");
    assertThat(books.finds()).isEqualTo(4);
  }

  @Test
  void nullResultIsCachedAsSpringsNullValue() {
    assertThat(books.find(BookService.UNKNOWN, "alice")).isNull();
    assertThat(books.find(BookService.UNKNOWN, "alice")).isNull();
    assertThat(books.finds()).as("Spring caches null, unlike the JSR-107 reference").isEqualTo(1);
    assertThat(nativeCache("books").get(BookService.UNKNOWN)).isInstanceOf(NullValue.class);
  }

  @Test
  void everyCallGetsAnEqualCopyThatCannotChangeTheCache() {
    Book first = books.find(ISBN, "alice");
    first.authors().add("Mallory");
    Book second = books.find(ISBN, "alice");
    assertThat(second).isNotSameAs(first).isNotEqualTo(first);
    assertThat(second.authors()).containsExactly("Ada", "Grace");
    assertThat(books.find(ISBN, "alice")).isEqualTo(second).isNotSameAs(second);
  }
}
