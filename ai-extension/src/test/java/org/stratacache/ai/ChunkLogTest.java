package org.stratacache.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The replay subscription keeps the Flow rules: no more than requested, bad demand is an error, one end. */
class ChunkLogTest {

  /** Records every signal; requests only when told. */
  private static final class Probe implements Flow.Subscriber<String> {
    final List<String> items = new ArrayList<>();
    final List<String> ends = new ArrayList<>();
    Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
    }

    @Override
    public void onNext(String item) {
      items.add(item);
    }

    @Override
    public void onError(Throwable failure) {
      ends.add("error: " + failure.getMessage());
    }

    @Override
    public void onComplete() {
      ends.add("complete");
    }
  }

  @Test
  void chunksFlowOnlyAsRequestedAndTheEndComesOnce() {
    AtomicInteger abandoned = new AtomicInteger();
    ChunkLog<String> log = new ChunkLog<>(abandoned::incrementAndGet);
    Probe early = new Probe();
    assertThat(log.subscribe(early)).isTrue();
    log.add("a");
    log.add("b");
    log.add("c");
    assertThat(early.items).isEmpty();
    early.subscription.request(2);
    assertThat(early.items).containsExactly("a", "b");
    Probe late = new Probe();
    log.subscribe(late);
    late.subscription.request(Long.MAX_VALUE);
    log.complete();
    assertThat(late.items).containsExactly("a", "b", "c");
    assertThat(late.ends).containsExactly("complete");
    assertThat(early.ends).isEmpty();
    early.subscription.request(5);
    assertThat(early.items).containsExactly("a", "b", "c");
    assertThat(early.ends).containsExactly("complete");
    early.subscription.request(1);
    assertThat(early.ends).hasSize(1);
    assertThat(abandoned.get()).isZero();
  }

  @Test
  void nonPositiveDemandIsAnErrorAndTheLastCancelAbandonsTheLog() {
    AtomicInteger abandoned = new AtomicInteger();
    ChunkLog<String> log = new ChunkLog<>(abandoned::incrementAndGet);
    Probe bad = new Probe();
    Probe leaving = new Probe();
    log.subscribe(bad);
    log.subscribe(leaving);
    bad.subscription.request(0);
    assertThat(bad.ends).singleElement().asString().contains("rule 3.9");
    assertThat(abandoned.get()).isZero();
    leaving.subscription.cancel();
    leaving.subscription.cancel();
    assertThat(abandoned.get()).isEqualTo(1);
    assertThat(log.subscribe(new Probe())).as("an abandoned log takes no one").isFalse();
  }
}
