package org.stratacache.jcache.internal.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class WrittenBytesTest {

  private final WrittenBytes written = new WrittenBytes();

  @Test
  void bytesAreTakenOnceByTheVeryObjectWritten() {
    List<String> value = List.of("v");
    byte[] bytes = {1, 2};
    written.keep(value, bytes);

    assertThat(written.take(new ArrayList<>(value))).as("an equal object is not the one written").isNull();
    assertThat(written.take(value)).isSameAs(bytes);
    assertThat(written.take(value)).as("taken once").isNull();
  }

  @Test
  void anObjectWrittenAgainKeepsOnlyItsNewBytes() {
    StringBuilder value = new StringBuilder("first");
    written.keep(value, new byte[] {1});
    value.append(" changed");
    byte[] again = {2};
    written.keep(value, again);

    assertThat(written.take(value)).isSameAs(again);
    assertThat(written.take(value)).isNull();
  }

  @Test
  void takingAValueDropsWhatWasKeptBeforeIt() {
    Object unpublished = new Object();
    Object next = new Object();
    written.keep(unpublished, new byte[] {1});
    written.keep(next, new byte[] {2});

    assertThat(written.take(next)).containsExactly(2);
    assertThat(written.take(unpublished)).as("its event never came: dropped with the next one").isNull();
  }

  @Test
  void atMostTheBoundIsKeptPerThread() {
    Object first = new Object();
    written.keep(first, new byte[] {0});
    Object last = null;
    for (int i = 0; i < WrittenBytes.MAX_VALUES; i++) {
      last = new Object();
      written.keep(last, new byte[] {1});
    }
    assertThat(written.take(first)).as("the oldest went over the count").isNull();
    assertThat(written.take(last)).isNotNull();

    Object big = new Object();
    written.keep(big, new byte[(int) WrittenBytes.MAX_BYTES + 1]);
    assertThat(written.take(big)).as("a value over the byte bound is not kept").isNull();
  }

  @Test
  void anotherThreadTakesNothing() throws Exception {
    Object value = new Object();
    written.keep(value, new byte[] {1});

    assertThat(CompletableFuture.supplyAsync(() -> written.take(value)).get()).isNull();
    assertThat(written.take(value)).isNotNull();
  }
}
