package org.stratacache.integration.spring;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheKey;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;
import javax.cache.annotation.CacheValue;

/** A service cached only through the JSR-107 annotations; counters show when a method body really ran. */
@CacheDefaults(cacheName = "books")
public class BookService {

  /** The isbn {@link #find} knows nothing about: it returns {@code null}. */
  public static final String UNKNOWN = "000-0";

  private final AtomicInteger finds = new AtomicInteger();
  private final AtomicInteger prices = new AtomicInteger();

  /** Looks a book up; only the isbn is the key, not who asks. */
  @CacheResult
  public Book find(@CacheKey String isbn, String requestedBy) {
    finds.incrementAndGet();
    return UNKNOWN.equals(isbn) ? null : new Book(isbn, "Title of " + isbn, List.of("Ada", "Grace"));
  }

  /** A price in cents; the key is the isbn and the currency (a two-part key), not the request id. */
  @CacheResult(cacheName = "prices")
  public Long price(@CacheKey String isbn, @CacheKey String currency, String requestId) {
    prices.incrementAndGet();
    return "EUR".equals(currency) ? 2_500L : 2_900L;
  }

  /** Stores {@code book} under {@code isbn}, so that {@link #find} returns it. */
  @CachePut
  public void update(String isbn, @CacheValue Book book) {
  }

  /** Evicts one book. */
  @CacheRemove
  public void evict(String isbn) {
  }

  /** Evicts every book. */
  @CacheRemoveAll
  public void evictAll() {
  }

  /** How often {@link #find} ran. */
  public int finds() {
    return finds.get();
  }

  /** How often {@link #price} ran. */
  public int prices() {
    return prices.get();
  }
}
