package org.stratacache.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Streamed get-or-compute on any store: mixed into the store contracts. */
interface StreamContract {

  AIResponseCache ai();

  void assertAbsent(String key);

  @Test
  default void aFiftyChunkAnswerIsStoredOnceCompleteAndAHitReplaysTheSameText() throws Exception {
    ScriptedStream model = new ScriptedStream(50, -1);
    AIRequest request = AIRequest.of("tell a story", "chat");
    Chunks first = Chunks.subscribe(ai().getOrComputeStream(request, StreamFormat.text(), model), -1);
    assertThat(first.await().chunks).hasSize(50).isEqualTo(ScriptedStream.chunks(50));
    assertThat(ai().get(request).content()).isEqualTo(String.join("", ScriptedStream.chunks(50)));
    Chunks replay = Chunks.subscribe(ai().getOrComputeStream(request, StreamFormat.text(), model), -1).await();
    assertThat(String.join("", replay.chunks)).isEqualTo(String.join("", first.chunks));
    assertThat(model.streams.get()).isEqualTo(1);
  }

  @Test
  default void aStreamCancelledAtChunkTenStoresNothing() throws Exception {
    ScriptedStream model = new ScriptedStream(50, -1);
    AIRequest request = AIRequest.of("cancel me", "chat");
    Chunks cancelled = Chunks.subscribe(ai().getOrComputeStream(request, StreamFormat.text(), model), 10);
    assertThat(cancelled.cancelledAtTen.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(model.upstreamCancelled.await(10, TimeUnit.SECONDS)).as("the model's stream is cancelled").isTrue();
    assertThat(cancelled.chunks).hasSize(10);
    assertThat(ai().get(request)).isNull();
    assertAbsent(ai().keyFor(request));
    Chunks again = Chunks.subscribe(ai().getOrComputeStream(request, StreamFormat.text(), model), -1).await();
    assertThat(again.chunks).hasSize(50);
    assertThat(model.streams.get()).isEqualTo(2);
  }

  @Test
  default void aStreamFailingAtChunkTenStoresNothingAndReportsTheFailure() throws Exception {
    ScriptedStream model = new ScriptedStream(50, 10);
    AIRequest request = AIRequest.of("fail me", "chat");
    Chunks failed = Chunks.subscribe(ai().getOrComputeStream(request, StreamFormat.text(), model), -1).await();
    assertThat(failed.chunks).hasSize(10);
    assertThat(failed.failure).isInstanceOf(IOException.class).hasMessage("model broke at chunk 10");
    assertThat(ai().get(request)).isNull();
    assertAbsent(ai().keyFor(request));
  }

  @Test
  default void eightConcurrentIdenticalStreamsMakeOneModelStreamAndAllGetEveryChunkInOrder() throws Exception {
    ScriptedStream model = new ScriptedStream(50, -1);
    model.gate = new CountDownLatch(1);
    AIRequest request = AIRequest.of("popular question", "chat");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Chunks>> subscribed = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        subscribed.add(pool.submit(() -> {
          start.await();
          return Chunks.subscribe(ai().getOrComputeStream(request, StreamFormat.text(), model), -1);
        }));
      }
      start.countDown();
      List<Chunks> all = new ArrayList<>();
      for (Future<Chunks> chunks : subscribed) {
        all.add(chunks.get(10, TimeUnit.SECONDS));
      }
      model.gate.countDown();
      for (Chunks chunks : all) {
        assertThat(chunks.await().chunks).isEqualTo(ScriptedStream.chunks(50));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(model.streams.get()).isEqualTo(1);
  }

  @Test
  default void noStoreAndRefreshStreamsCallTheModel() throws Exception {
    ScriptedStream model = new ScriptedStream(3, -1);
    AIRequest request = AIRequest.of("controlled stream", "chat");
    ai().put(request, AIResponse.of("old"));
    AIRequest noStore = request.toBuilder().noStore(true).build();
    Chunks fresh = Chunks.subscribe(ai().getOrComputeStream(noStore, StreamFormat.text(), model), -1).await();
    assertThat(fresh.chunks).isEqualTo(ScriptedStream.chunks(3));
    assertThat(ai().get(request).content()).isEqualTo("old");
    AIRequest refresh = request.toBuilder().refresh(true).build();
    Chunks.subscribe(ai().getOrComputeStream(refresh, StreamFormat.text(), model), -1).await();
    assertThat(ai().get(request).content()).isEqualTo(String.join("", ScriptedStream.chunks(3)));
    assertThat(model.streams.get()).isEqualTo(2);
  }

  /** A scripted streaming model: {@code count} chunks from its own thread, optionally failing at one. */
  final class ScriptedStream implements StreamingModelCall<String> {
    final AtomicInteger streams = new AtomicInteger();
    final CountDownLatch upstreamCancelled = new CountDownLatch(1);
    final int count;
    final int failAt;
    volatile CountDownLatch gate = new CountDownLatch(0);

    ScriptedStream(int count, int failAt) {
      this.count = count;
      this.failAt = failAt;
    }

    static List<String> chunks(int count) {
      List<String> chunks = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        chunks.add("chunk " + i + ". ");
      }
      return chunks;
    }

    @Override
    public Flow.Publisher<String> stream() {
      streams.incrementAndGet();
      return subscriber -> {
        SubmissionPublisher<String> publisher = new SubmissionPublisher<>();
        publisher.subscribe(new Flow.Subscriber<String>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscriber.onSubscribe(new Flow.Subscription() {
              @Override
              public void request(long n) {
                subscription.request(n);
              }

              @Override
              public void cancel() {
                upstreamCancelled.countDown();
                subscription.cancel();
              }
            });
          }

          @Override
          public void onNext(String item) {
            subscriber.onNext(item);
          }

          @Override
          public void onError(Throwable throwable) {
            subscriber.onError(throwable);
          }

          @Override
          public void onComplete() {
            subscriber.onComplete();
          }
        });
        Thread producer = new Thread(() -> {
          try {
            gate.await();
            List<String> chunks = chunks(count);
            for (int i = 0; i < count; i++) {
              if (i == failAt) {
                publisher.closeExceptionally(new IOException("model broke at chunk " + i));
                return;
              }
              publisher.submit(chunks.get(i));
              Thread.sleep(1);
            }
            publisher.close();
          } catch (InterruptedException e) {
            publisher.closeExceptionally(e);
          }
        }, "scripted-model");
        producer.setDaemon(true);
        producer.start();
      };
    }
  }

  /** A subscriber that asks for one chunk at a time and may cancel after ten. */
  final class Chunks implements Flow.Subscriber<String> {
    final List<String> chunks = new CopyOnWriteArrayList<>();
    final CountDownLatch done = new CountDownLatch(1);
    final CountDownLatch cancelledAtTen = new CountDownLatch(1);
    final int cancelAt;
    volatile Throwable failure;
    private Flow.Subscription subscription;

    private Chunks(int cancelAt) {
      this.cancelAt = cancelAt;
    }

    static Chunks subscribe(Flow.Publisher<String> publisher, int cancelAt) {
      Chunks chunks = new Chunks(cancelAt);
      publisher.subscribe(chunks);
      return chunks;
    }

    Chunks await() throws InterruptedException {
      assertThat(done.await(20, TimeUnit.SECONDS)).as("the stream ended").isTrue();
      return this;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(String item) {
      chunks.add(item);
      if (chunks.size() == cancelAt) {
        subscription.cancel();
        cancelledAtTen.countDown();
      } else {
        subscription.request(1);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      failure = throwable;
      done.countDown();
    }

    @Override
    public void onComplete() {
      done.countDown();
    }
  }
}
