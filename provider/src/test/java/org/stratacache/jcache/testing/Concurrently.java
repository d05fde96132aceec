package org.stratacache.jcache.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs tasks on threads of their own, each a number of times, and waits for all. */
public final class Concurrently {

  private Concurrently() {
  }

  /** Runs {@code task} {@code times} times on each of {@code threads} threads. */
  public static void repeat(int threads, int times, Runnable task) throws Exception {
    run(Collections.nCopies(threads, task), times);
  }

  /** Runs every task {@code times} times, each on a thread of its own; rethrows the first failure. */
  public static void run(List<Runnable> tasks, int times) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Runnable task : tasks) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < times; i++) {
            task.run();
          }
        }));
      }
      for (Future<?> future : futures) {
        future.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
