package org.stratacache.jcache.internal.concurrent;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a shared bounded pool, one at a time and in submission order per stripe: tasks
 * submitted with the same hash (a key's) run one after the other, in the order they were
 * submitted; tasks of different stripes run in parallel, up to the pool's size. At most
 * {@code capacity} tasks wait: beyond that {@link #execute} blocks its caller (back-pressure) and
 * {@link #offer} refuses. A task submitted from one of this executor's own tasks never blocks
 * (it could wait for itself): it is queued beyond the bound.
 *
 * <p>A failing task is logged and does not stop the tasks after it. Once {@linkplain #close closed},
 * submissions are refused with {@link RejectedExecutionException} and waiting tasks are dropped.
 */
public final class OrderedExecutor {

  private static final Logger LOG = LoggerFactory.getLogger(OrderedExecutor.class);
  private static final ThreadLocal<OrderedExecutor> RUNNING = new ThreadLocal<>();

  private final String name;
  private final Executor pool;
  private final Stripe[] stripes;
  private final Semaphore capacity;
  private final LongAdder refused = new LongAdder();
  private volatile boolean closed;

  /**
   * An executor over {@code pool}.
   *
   * @param name     what the tasks are, for messages
   * @param stripes  how many independent queues (rounded up to a power of two)
   * @param capacity how many tasks may wait at most
   */
  public OrderedExecutor(String name, Executor pool, int stripes, int capacity) {
    this.name = name;
    this.pool = pool;
    int count = Integer.highestOneBit(Math.max(1, stripes - 1)) << 1;
    this.stripes = new Stripe[count];
    for (int i = 0; i < count; i++) {
      this.stripes[i] = new Stripe();
    }
    this.capacity = new Semaphore(capacity);
  }

  /**
   * Runs {@code task} after every task submitted earlier with the same {@code hash}, waiting while
   * {@code capacity} tasks already wait.
   *
   * @throws RejectedExecutionException when closed, or interrupted while waiting (the interrupt
   *                                    status is kept)
   */
  public void execute(int hash, Runnable task) {
    boolean permit = RUNNING.get() != this;
    if (permit) {
      try {
        capacity.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RejectedExecutionException("Interrupted while waiting to queue " + name, e);
      }
    }
    submit(hash, task, permit);
  }

  /**
   * Runs {@code task} like {@link #execute}, unless {@code capacity} tasks already wait: then it is
   * not run, counted, and {@code false} is returned. Never blocks.
   *
   * @throws RejectedExecutionException when closed
   */
  public boolean offer(int hash, Runnable task) {
    if (!capacity.tryAcquire()) {
      refused.increment();
      return false;
    }
    submit(hash, task, true);
    return true;
  }

  /** Runs {@code task} like {@link #execute}, beyond the bound and without waiting: for rare, coalesced tasks. */
  public void force(int hash, Runnable task) {
    submit(hash, task, false);
  }

  /** How many tasks {@link #offer} refused so far. */
  public long refused() {
    return refused.sum();
  }

  private void submit(int hash, Runnable task, boolean permit) {
    if (closed) {
      if (permit) {
        capacity.release();
      }
      throw new RejectedExecutionException(name + " is closed");
    }
    int spread = hash ^ (hash >>> 16);
    stripes[spread & (stripes.length - 1)].add(new Task(task, permit));
  }

  /** Refuses new tasks, drops the waiting ones and wakes callers waiting for room. Idempotent. */
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    capacity.release(Integer.MAX_VALUE / 2);
    for (Stripe stripe : stripes) {
      stripe.queue.clear();
    }
  }

  private record Task(Runnable work, boolean permit) {
  }

  /** One queue whose tasks run one at a time, on one pool thread at a time. */
  private final class Stripe implements Runnable {

    private final Queue<Task> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    void add(Task task) {
      queue.add(task);
      schedule();
    }

    private void schedule() {
      if (!scheduled.compareAndSet(false, true)) {
        return;
      }
      try {
        pool.execute(this);
      } catch (RejectedExecutionException e) {
        scheduled.set(false);
        drop();
      }
    }

    private void drop() {
      for (Task task = queue.poll(); task != null; task = queue.poll()) {
        if (task.permit()) {
          capacity.release();
        }
      }
    }

    @Override
    public void run() {
      OrderedExecutor outer = RUNNING.get();  // set when a pool runs tasks on the caller's thread
      RUNNING.set(OrderedExecutor.this);
      try {
        for (Task task = queue.poll(); task != null && !closed; task = queue.poll()) {
          if (task.permit()) {
            capacity.release();
          }
          try {
            task.work().run();
          } catch (RuntimeException e) {
            LOG.warn("A task of {} failed", name, e);
          }
        }
      } finally {
        if (outer == null) {
          RUNNING.remove();
        } else {
          RUNNING.set(outer);
        }
        scheduled.set(false);
        if (!queue.isEmpty()) {
          schedule();
        }
      }
    }
  }
}
