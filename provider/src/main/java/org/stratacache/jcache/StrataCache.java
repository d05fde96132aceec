package org.stratacache.jcache;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.management.CacheStatisticsMXBean;
import org.stratacache.jcache.store.StoreMetrics;

/**
 * What a Strata cache offers beyond {@link Cache}. Reach it with {@code cache.unwrap(StrataCache.class)}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface StrataCache<K, V> extends Cache<K, V> {

  /** What {@link #remainingLifetime} returns for an entry that never expires: {@link ChronoUnit#FOREVER}. */
  Duration NEVER_EXPIRES = ChronoUnit.FOREVER.getDuration();

  /**
   * A view of this cache whose operations use {@code policy} instead of the configured expiry
   * policy: entries written through the view get the view's lifetimes. The view shares everything
   * else (entries, listeners, statistics, lifecycle) with this cache.
   *
   * @param policy the policy for operations made through the view
   * @return the view
   */
  StrataCache<K, V> withExpiryPolicy(ExpiryPolicy policy);

  /** How many entries the store holds, when it can tell cheaply; otherwise {@code -1}. */
  long estimatedSize();

  /**
   * How long the entry under {@code key} has left before it expires, read from the store (the
   * injected clock in memory, {@code PTTL} on Redis). Reading it is not an access: it changes no
   * lifetime (not even under an access-expiry policy), no statistic, and calls no loader or listener.
   *
   * @param key the key
   * @return empty when the cache holds no entry under {@code key}; {@link #NEVER_EXPIRES} for an
   *         entry that never expires; otherwise the time left, rounded down to milliseconds
   */
  Optional<Duration> remainingLifetime(K key);

  /**
   * The keys of this cache whose string form matches a Redis-style glob ({@code *}, {@code ?},
   * {@code [a-z]}, {@code \} escapes). On Redis this is a SCAN of the cache's own namespace (never
   * {@code KEYS}); other caches' keys can never match. Weakly consistent.
   *
   * @param pattern the glob, e.g. {@code "session:*"}
   * @return the matching keys at the time of the scan
   */
  Set<K> keys(String pattern);

  /**
   * Removes the entries whose keys match {@code pattern} (see {@link #keys(String)}) from the cache
   * only: no {@code CacheWriter} is called; removed-listeners are notified and removals counted.
   *
   * @return how many entries were removed
   */
  long invalidatePattern(String pattern);

  /**
   * Warms the cache at start: reads {@code keys} so that a near cache holds them, and loads the
   * missing ones through the cache's read-through loader, if it has one (listeners hear those as
   * created). Not counted in the statistics.
   *
   * @return how many of the keys the cache holds afterwards
   */
  long preload(Collection<? extends K> keys);

  /**
   * {@link #preload(Collection)} for the keys matching {@code pattern} (see {@link #keys(String)}):
   * fills a near cache with what Redis already holds.
   *
   * @return how many entries were read
   */
  long preload(String pattern);

  /** What the store counts about itself (decode failures, bytes, compression, compare-and-set retries). */
  StoreMetrics storeMetrics();

  /**
   * The cache's JSR-107 statistics, the same object its {@code CacheStatistics} MXBean shows; they
   * count only while statistics are enabled.
   */
  CacheStatisticsMXBean statistics();

  /**
   * A view of this cache whose writes also record each written key under {@code tags}, so that
   * {@link #invalidateTag(String)} later finds those entries without scanning the cache. Views
   * compose with {@link #withExpiryPolicy(ExpiryPolicy)}. Tags are shared like the entries are: on
   * Redis every JVM sees them.
   *
   * @param tags tag names (any text)
   * @return the view
   */
  StrataCache<K, V> withTags(String... tags);

  /**
   * Removes every entry written through a view tagged with {@code tag} (cache only: no
   * {@code CacheWriter}; removed-listeners are notified, removals counted). Costs in proportion to
   * the tagged entries, not to the size of the cache.
   *
   * @return how many entries were removed
   */
  long invalidateTag(String tag);
}
