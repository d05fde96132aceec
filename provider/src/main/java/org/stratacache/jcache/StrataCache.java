package org.stratacache.jcache;

import javax.cache.Cache;
import javax.cache.expiry.ExpiryPolicy;

/**
 * What a Strata cache offers beyond {@link Cache}. Reach it with {@code cache.unwrap(StrataCache.class)}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface StrataCache<K, V> extends Cache<K, V> {

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
}
