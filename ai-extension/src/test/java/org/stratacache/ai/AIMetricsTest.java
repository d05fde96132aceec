package org.stratacache.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.store.StoreMetrics;

class AIMetricsTest {

  /** The summary is read by monitoring while requests record key times; reading must never fail nor lose a time. */
  @Test
  void summaryIsReadWhileOtherThreadsRecordKeyTimes() throws Exception {
    AIMetrics metrics = new AIMetrics(AISettings.builder().build());
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> writers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        writers.add(pool.submit(() -> {
          long recorded = 0;
          while (!stop.get()) {
            metrics.keyGenerated(1_000 + recorded % 50_000);
            recorded++;
          }
          return recorded;
        }));
      }
      for (int i = 0; i < 2_000; i++) {
        assertThat(metrics.summary(StoreMetrics.NONE).keyGenerationMeanMicros()).isBetween(0.0, 60.0);
      }
      stop.set(true);
      long recorded = 0;
      for (Future<Long> writer : writers) {
        recorded += writer.get();
      }
      AIPerformanceSummary last = metrics.summary(StoreMetrics.NONE);
      assertThat(last.keyGenerationMeanMicros()).isGreaterThan(0.9);
      assertThat(recorded).isPositive();
    } finally {
      pool.shutdownNow();
    }
  }
}
