package org.stratacache.jcache.internal.store.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.expiry.Ticker;
import org.stratacache.jcache.internal.store.memory.MemoryStore;
import org.stratacache.jcache.store.EntryExpiry;
import org.stratacache.jcache.store.StoreEventSink;
import org.stratacache.jcache.store.Want;

class OutageWritesTest {

  private final MemoryStore<String, String> remote = new MemoryStore<>(0, Ticker.system(), StoreEventSink.none());

  private void fill(int keys) {
    for (int i = 0; i < keys; i++) {
      remote.put("k" + i, "before", EntryExpiry.ETERNAL_KEEP, Want.NOTHING);
    }
  }

  @Test
  void deletesTheKeysTouchedAndNothingElse() {
    fill(10);
    OutageWrites<String> writes = new OutageWrites<>();
    writes.touched("k1");
    writes.touched(List.of("k2", "k3"));
    writes.deleteFrom(remote);
    assertThat(remote.get("k1", EntryExpiry.ETERNAL_KEEP)).isNull();
    assertThat(remote.get("k3", EntryExpiry.ETERNAL_KEEP)).isNull();
    assertThat(remote.estimatedSize()).isEqualTo(7);
    assertThat(writes.isEmpty()).as("forgotten once deleted").isTrue();
  }

  @Test
  void pastTheBoundOrAfterAClearTheWholeNamespaceIsCleared() {
    fill(10);
    OutageWrites<String> writes = new OutageWrites<>();
    for (int i = 0; i <= OutageWrites.MAX_KEYS; i++) {
      writes.touched("other" + i);
    }
    assertThat(writes.isEmpty()).isFalse();
    writes.deleteFrom(remote);
    assertThat(remote.estimatedSize()).isZero();

    fill(3);
    writes.cleared();
    writes.deleteFrom(remote);
    assertThat(remote.estimatedSize()).isZero();
  }
}
