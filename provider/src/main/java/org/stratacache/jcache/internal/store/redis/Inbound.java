package org.stratacache.jcache.internal.store.redis;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stratacache.jcache.internal.concurrent.OrderedExecutor;
import org.stratacache.jcache.internal.store.near.Invalidations;

/**
 * Hands what Redis pushes (event messages, expirations, near-cache invalidations) from a Lettuce I/O
 * thread to the manager's inbound pool, where keys and values are decoded and listeners run. The
 * I/O thread only copies bytes and picks a queue by the Redis key, so messages of one key are
 * handled in order and a message that is slow to decode holds up only the messages queued behind it
 * on its own queue, never the connection, other caches or {@code close()}.
 *
 * <p>When the inbound queue is full, events are dropped and counted (delivery of remote events is
 * at most once anyway); an invalidation is never dropped that way: the near cache instead drops
 * everything it holds, once, when its turn comes.
 */
final class Inbound {

  private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);

  private Inbound() {
  }

  /** Event messages of {@code cacheName}, decoded and delivered by {@code handler} on {@code inbound}. */
  static Consumer<byte[]> events(OrderedExecutor inbound, String cacheName, Consumer<byte[]> handler) {
    return message -> offer(inbound, cacheName, EventMessage.keyHash(message), () -> handler.accept(message));
  }

  /** Expired Redis keys of {@code cacheName}, handled on {@code inbound} in order with the key's events. */
  static Consumer<byte[]> expirations(OrderedExecutor inbound, String cacheName, Consumer<byte[]> handler) {
    return redisKey -> offer(inbound, cacheName, EventMessage.hash(redisKey, 0, redisKey.length),
        () -> handler.accept(redisKey));
  }

  private static void offer(OrderedExecutor inbound, String cacheName, int hash, Runnable task) {
    try {
      if (!inbound.offer(hash, task)) {
        long dropped = inbound.refused();
        if (Long.bitCount(dropped) == 1) {  // the 1st, 2nd, 4th, 8th... drop
          LOG.warn("Dropped an event of cache '{}': the inbound queue is full ({} dropped so far)", cacheName,
              dropped);
        }
      }
    } catch (RejectedExecutionException closed) {
      // the manager is closing: nobody listens any more
    }
  }

  /**
   * Invalidations decoded by {@code decoding} on {@code inbound}; suspending and resuming (no key
   * to decode) stay on the calling thread, as they must not overtake a disconnection.
   */
  static Invalidations<byte[]> invalidations(OrderedExecutor inbound, Invalidations<byte[]> decoding) {
    return new Invalidations<>() {
      private final AtomicBoolean flushQueued = new AtomicBoolean();

      @Override
      public void invalidate(byte[] redisKey) {
        try {
          if (!inbound.offer(EventMessage.hash(redisKey, 0, redisKey.length), () -> decoding.invalidate(redisKey))) {
            flushLater();
          }
        } catch (RejectedExecutionException closed) {
          // closing: the near cache serves nothing any more
        }
      }

      /** An invalidation that could not be queued: drop everything, once, after what is queued. */
      private void flushLater() {
        if (flushQueued.compareAndSet(false, true)) {
          inbound.force(0, () -> {
            flushQueued.set(false);
            decoding.invalidateAll();
          });
        }
      }

      @Override
      public void invalidateAll() {
        decoding.invalidateAll();
      }

      @Override
      public void resume() {
        decoding.resume();
      }

      @Override
      public void suspend() {
        decoding.suspend();
      }
    };
  }
}
