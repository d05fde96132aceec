package org.stratacache.testing.redis;

import java.util.function.BooleanSupplier;

/** Polls a condition every 50 ms until it holds, for test kits that wait on Redis processes. */
final class Await {

  private Await() {
  }

  /** Waits until {@code condition} holds, failing once {@link System#nanoTime()} passes {@code deadline}. */
  static void until(BooleanSupplier condition, long deadline, String what) {
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("Timed out waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for " + what, e);
      }
    }
  }
}
