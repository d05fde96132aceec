package org.stratacache.jcache.internal.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads of one cache manager, each pool bounded and its threads daemon, named
 * {@code strata-<pool>-<manager>-<n>} and let go after a minute idle:
 * <ul>
 *   <li>{@link #listeners()}: asynchronous listener deliveries, in order per key; a publisher waits
 *       while {@code queue} deliveries wait (back-pressure);</li>
 *   <li>{@link #loaders()}: {@code loadAll}; while {@code queue} loads wait, the caller runs its
 *       own;</li>
 *   <li>{@link #inbound()}: decoding the events of other JVMs and near-cache invalidations, off
 *       the Redis client's I/O threads, in order per key; beyond {@code queue} they are dropped and
 *       counted (a near cache then drops everything it holds instead);</li>
 *   <li>{@link #background()}: reconnection attempts, at most one per cache at a time.</li>
 * </ul>
 * Closing stops every pool without waiting for a task in progress: listener deliveries and incoming
 * messages still queued are dropped, those in progress are abandoned (incoming ones interrupted).
 */
public final class ManagerThreads implements AutoCloseable {

  private static final int STRIPES_PER_THREAD = 4;
  private static final int BACKGROUND_THREADS = 4;

  private final ThreadPoolExecutor listenerPool;
  private final ThreadPoolExecutor loaderPool;
  private final ThreadPoolExecutor inboundPool;
  private final ThreadPoolExecutor backgroundPool;
  private final OrderedExecutor listeners;
  private final OrderedExecutor inbound;

  /**
   * Pools sized by {@code settings}; no thread starts before a task needs it.
   *
   * @param owner names the threads (the manager's URI)
   */
  public ManagerThreads(ThreadSettings settings, String owner) {
    listenerPool = pool("listener", owner, settings.listeners(), new LinkedBlockingQueue<>());
    loaderPool = pool("loader", owner, settings.loaders(), new LinkedBlockingQueue<>(settings.queue()));
    loaderPool.setRejectedExecutionHandler((task, pool) -> {
      if (pool.isShutdown()) {
        throw new RejectedExecutionException("The cache manager is closed");
      }
      task.run();  // back-pressure: the caller loads itself
    });
    inboundPool = pool("events", owner, settings.events(), new LinkedBlockingQueue<>());
    backgroundPool = pool("background", owner, BACKGROUND_THREADS, new LinkedBlockingQueue<>());
    listeners = new OrderedExecutor("asynchronous listener deliveries", listenerPool,
        settings.listeners() * STRIPES_PER_THREAD, settings.queue());
    inbound = new OrderedExecutor("incoming remote events", inboundPool, settings.events() * STRIPES_PER_THREAD,
        settings.queue());
  }

  private static ThreadPoolExecutor pool(String role, String owner, int threads,
                                         LinkedBlockingQueue<Runnable> queue) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, queue,
        new NamedThreads(role, owner));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** Asynchronous listener deliveries, in order per key, with back-pressure. */
  public OrderedExecutor listeners() {
    return listeners;
  }

  /** {@code loadAll} runs; the caller runs its own load when the queue is full. */
  public ExecutorService loaders() {
    return loaderPool;
  }

  /** Decoding and handing over messages from Redis, off its I/O threads, in order per key. */
  public OrderedExecutor inbound() {
    return inbound;
  }

  /** Reconnection attempts. */
  public ExecutorService background() {
    return backgroundPool;
  }

  /** Stops every pool without waiting; what is still queued is dropped. */
  @Override
  public void close() {
    inbound.close();
    inboundPool.shutdownNow();
    listeners.close();
    listenerPool.shutdown();
    loaderPool.shutdown();
    backgroundPool.shutdownNow();
  }
}
