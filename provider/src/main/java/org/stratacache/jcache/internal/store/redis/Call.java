package org.stratacache.jcache.internal.store.redis;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A command sent, and what turns its reply into a result: awaited on the caller's thread, never on
 * Lettuce's, so a result that decodes a value decodes it there.
 *
 * @param <R> the result
 */
@FunctionalInterface
interface Call<R> {

  R await(String what);

  /** {@code reply} awaited on {@code redis}, then turned into a result by {@code finish}. */
  static <T, R> Call<R> of(RedisConnection redis, CompletionStage<T> reply, Function<T, R> finish) {
    return what -> finish.apply(redis.await(reply, what));
  }
}
