package org.stratacache.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

  @Test
  void anErrorReachesTheWaitersInsteadOfBlockingThem() throws Exception {
    SingleFlight flights = new SingleFlight();
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<AIResponse> owner = pool.submit(() -> flights.run("k", () -> {
        computing.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new StackOverflowError("deep");
      }, () -> { }));
      computing.await();
      Future<AIResponse> waiter = pool.submit(() -> flights.run("k", () -> AIResponse.of("never"), () -> { }));
      while (!flights.isRunning("k")) {
        Thread.onSpinWait();
      }
      Thread.sleep(50);
      release.countDown();
      assertThatThrownBy(() -> owner.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StackOverflowError.class);
      assertThatThrownBy(() -> waiter.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StackOverflowError.class);
      assertThat(flights.isRunning("k")).isFalse();
    } finally {
      pool.shutdownNow();
    }
  }
}
