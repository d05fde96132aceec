package org.stratacache.jcache.internal.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ordered executor alone: its bound, what happens beyond it, and closing. */
class OrderedExecutorTest {

  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void close() {
    pool.shutdownNow();
  }

  @Test
  void offerRefusesAndCountsBeyondTheBoundWhileForceStillQueues() throws Exception {
    OrderedExecutor executor = new OrderedExecutor("test", pool, 4, 2);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    assertThat(executor.offer(1, () -> {
      running.countDown();
      await(release);
    })).isTrue();
    running.await();
    assertThat(executor.offer(1, () -> { })).isTrue();
    assertThat(executor.offer(1, () -> { })).isTrue();
    assertThat(executor.offer(1, () -> { })).as("two wait already").isFalse();
    assertThat(executor.refused()).isEqualTo(1);
    CountDownLatch forced = new CountDownLatch(1);
    executor.force(1, forced::countDown);
    release.countDown();
    assertThat(forced.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void closingWakesCallersWaitingForRoomAndRefusesThem() throws Exception {
    OrderedExecutor executor = new OrderedExecutor("test", pool, 1, 1);
    CountDownLatch release = new CountDownLatch(1);
    executor.execute(0, () -> await(release));
    executor.execute(0, () -> { });
    List<Throwable> failures = new ArrayList<>();
    Thread waiting = new Thread(() -> {
      try {
        executor.execute(0, () -> { });
      } catch (RejectedExecutionException e) {
        failures.add(e);
      }
    });
    waiting.start();
    Thread.sleep(100);
    assertThat(waiting.isAlive()).as("waits for room").isTrue();
    executor.close();
    waiting.join(5_000);
    release.countDown();
    assertThat(waiting.isAlive()).isFalse();
    assertThat(failures).hasSize(1);
    assertThatThrownBy(() -> executor.execute(0, () -> { })).isInstanceOf(RejectedExecutionException.class);
    executor.close();  // twice is fine
  }

  @Test
  void aFailingTaskDoesNotStopTheTasksAfterIt() throws Exception {
    OrderedExecutor executor = new OrderedExecutor("test", pool, 1, 10);
    CountDownLatch after = new CountDownLatch(1);
    executor.execute(0, () -> {
      throw new IllegalStateException("expected by the test");
    });
    executor.execute(0, after::countDown);
    assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
