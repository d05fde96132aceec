package org.stratacache.jcache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.store.WriteResult.Outcome;
import org.stratacache.jcache.testing.Concurrently;

/**
 * The contract every {@link Store} keeps. A store implementation passes it by subclassing and
 * saying how to create a store, how to let time pass and how to read an entry's remaining lifetime.
 * Tests run each in a fresh, empty store.
 */
public abstract class StoreContractTest {

  /** Lifetimes long enough never to run out during a test. */
  protected static final long LONG = 3_600_000L;
  /** A lifetime short enough to run out after {@link #advancePastShort()}. */
  protected static final long SHORT = 200L;

  private static final EntryExpiry ETERNAL = EntryExpiry.ETERNAL_KEEP;
  private static final Lifetime LONG_LIFE = Lifetime.ofMillis(LONG);
  private static final Lifetime SHORT_LIFE = Lifetime.ofMillis(SHORT);
  private static final Lifetime KEEP = Lifetime.KEEP;
  private static final Lifetime NOW = Lifetime.EXPIRE_NOW;

  protected Store<String, String> store;

  /** A new, empty store for {@code String} keys and values. */
  protected abstract Store<String, String> createStore();

  /** Lets time pass beyond {@link #SHORT}. */
  protected abstract void advancePastShort() throws InterruptedException;

  /**
   * The entry's remaining lifetime in milliseconds: {@code -1} when it never expires, {@code -2}
   * when it is absent.
   */
  protected abstract long remainingMillis(String key);

  @BeforeEach
  void openStore() {
    store = createStore();
  }

  @AfterEach
  void closeStore() {
    store.destroy();
  }

  @Test
  void getOfAbsentKeyIsNull() {
    assertThat(store.get("missing", ETERNAL)).isNull();
    assertThat(store.containsKey("missing")).isFalse();
  }

  @Test
  void putThenGet() {
    WriteResult<String> result = store.put("k", "v", ETERNAL, Want.OUTCOME);
    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(store.get("k", ETERNAL).value()).isEqualTo("v");
    assertThat(store.containsKey("k")).isTrue();
    assertThat(remainingMillis("k")).isEqualTo(-1);
  }

  @Test
  void putOverExistingReportsUpdateAndPrevious() {
    store.put("k", "v1", ETERNAL, Want.NOTHING);
    WriteResult<String> result = store.put("k", "v2", ETERNAL, Want.PREVIOUS);
    assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(result.previous()).isEqualTo("v1");
    assertThat(store.get("k", ETERNAL).value()).isEqualTo("v2");
  }

  @Test
  void remainingLifetimeReadsWithoutTouching() {
    assertThat(store.remainingLifetime("missing")).isNull();
    store.put("eternal", "v", ETERNAL, Want.NOTHING);
    assertThat(store.remainingLifetime("eternal")).isEqualTo(Lifetime.ETERNAL);
    store.put("k", "v", new FixedExpiry(LONG_LIFE, KEEP, SHORT_LIFE), Want.NOTHING);
    Lifetime left = store.remainingLifetime("k");
    assertThat(left.isFinite()).isTrue();
    assertThat(left.millis()).isBetween(LONG - 5_000, LONG).isLessThanOrEqualTo(remainingMillis("k") + 5_000);
    assertThat(remainingMillis("k")).as("reading the lifetime is no access: the access lifetime was not applied")
        .isBetween(LONG - 5_000, LONG);
  }

  @Test
  void remainingLifetimeOfAnExpiredEntryIsNull() throws InterruptedException {
    store.put("k", "v", new FixedExpiry(SHORT_LIFE, KEEP, KEEP), Want.NOTHING);
    advancePastShort();
    assertThat(store.remainingLifetime("k")).isNull();
  }

  @Test
  void putWithoutWantedOutcomeStillStores() {
    WriteResult<String> result = store.put("k", "v", ETERNAL, Want.NOTHING);
    assertThat(result.stored()).isTrue();
    assertThat(store.get("k", ETERNAL).value()).isEqualTo("v");
  }

  @Test
  void creationLifetimeIsApplied() {
    store.put("k", "v", new FixedExpiry(LONG_LIFE, KEEP, KEEP), Want.OUTCOME);
    assertThat(remainingMillis("k")).isBetween(LONG - 5_000, LONG);
  }

  @Test
  void updateWithKeepLeavesTheLifetime() {
    store.put("k", "v1", new FixedExpiry(LONG_LIFE, KEEP, KEEP), Want.OUTCOME);
    store.put("k", "v2", new FixedExpiry(Lifetime.ETERNAL, KEEP, KEEP), Want.OUTCOME);
    assertThat(remainingMillis("k")).isBetween(LONG - 5_000, LONG);
    assertThat(store.get("k", ETERNAL).value()).isEqualTo("v2");
  }

  @Test
  void updateWithDurationResetsTheLifetime() {
    store.put("k", "v1", ETERNAL, Want.OUTCOME);
    store.put("k", "v2", new FixedExpiry(LONG_LIFE, LONG_LIFE, KEEP), Want.OUTCOME);
    assertThat(remainingMillis("k")).isBetween(LONG - 5_000, LONG);
  }

  @Test
  void updateToEternalPersists() {
    store.put("k", "v1", new FixedExpiry(LONG_LIFE, LONG_LIFE, KEEP), Want.OUTCOME);
    store.put("k", "v2", new FixedExpiry(LONG_LIFE, Lifetime.ETERNAL, KEEP), Want.OUTCOME);
    assertThat(remainingMillis("k")).isEqualTo(-1);
  }

  @Test
  void zeroUpdateLifetimeRemoves() {
    store.put("k", "v1", ETERNAL, Want.OUTCOME);
    WriteResult<String> result = store.put("k", "v2", new FixedExpiry(LONG_LIFE, NOW, KEEP), Want.OUTCOME);
    assertThat(result.outcome()).isIn(Outcome.UPDATED, Outcome.WRITTEN);
    assertThat(store.containsKey("k")).isFalse();
  }

  @Test
  void zeroCreationLifetimeStoresNothing() {
    WriteResult<String> result = store.put("k", "v", new FixedExpiry(NOW, LONG_LIFE, KEEP), Want.OUTCOME);
    assertThat(result.outcome()).isEqualTo(Outcome.DISCARDED);
    assertThat(store.containsKey("k")).isFalse();
  }

  @Test
  void shortLifetimeRunsOut() throws InterruptedException {
    store.put("k", "v", new FixedExpiry(SHORT_LIFE, KEEP, KEEP), Want.OUTCOME);
    assertThat(store.containsKey("k")).isTrue();
    advancePastShort();
    assertThat(store.get("k", ETERNAL)).isNull();
    assertThat(store.containsKey("k")).isFalse();
    assertThat(store.put("k", "v2", ETERNAL, Want.OUTCOME).outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void accessLifetimeIsAppliedOnRead() {
    store.put("k", "v", ETERNAL, Want.OUTCOME);
    StoreEntry<String> read = store.get("k", new FixedExpiry(LONG_LIFE, LONG_LIFE, LONG_LIFE));
    assertThat(read.value()).isEqualTo("v");
    assertThat(remainingMillis("k")).isBetween(LONG - 5_000, LONG);
  }

  @Test
  void zeroAccessLifetimeRemovesAfterTheRead() {
    store.put("k", "v", ETERNAL, Want.OUTCOME);
    assertThat(store.get("k", new FixedExpiry(LONG_LIFE, LONG_LIFE, NOW)).value()).isEqualTo("v");
    assertThat(store.containsKey("k")).isFalse();
  }

  @Test
  void dynamicExpiryIsAskedOnlyForTheBranchTaken() {
    CountingExpiry expiry = new CountingExpiry(LONG_LIFE, KEEP, KEEP);
    store.put("k", "v1", expiry, Want.NOTHING);
    assertThat(expiry.creations.get()).isEqualTo(1);
    assertThat(expiry.updates.get()).isZero();
    store.put("k", "v2", expiry, Want.NOTHING);
    assertThat(expiry.creations.get()).isEqualTo(1);
    assertThat(expiry.updates.get()).isEqualTo(1);
    store.get("k", expiry);
    assertThat(expiry.accesses.get()).isEqualTo(1);
    store.get("absent", expiry);
    assertThat(expiry.accesses.get()).isEqualTo(1);
    assertThat(store.putIfAbsent("k", "v3", expiry).outcome()).isEqualTo(Outcome.PRESENT);
    assertThat(expiry.creations.get()).isEqualTo(1);
  }

  @Test
  void putIfAbsent() {
    assertThat(store.putIfAbsent("k", "v1", ETERNAL).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(store.putIfAbsent("k", "v2", ETERNAL).outcome()).isEqualTo(Outcome.PRESENT);
    assertThat(store.get("k", ETERNAL).value()).isEqualTo("v1");
    assertThat(store.putIfAbsent("z", "v", new FixedExpiry(NOW, NOW, NOW)).outcome()).isEqualTo(Outcome.DISCARDED);
    assertThat(store.containsKey("z")).isFalse();
  }

  @Test
  void replaceOnlyWhenPresent() {
    assertThat(store.replace("k", "v", ETERNAL, Want.PREVIOUS).outcome()).isEqualTo(Outcome.ABSENT);
    assertThat(store.containsKey("k")).isFalse();
    store.put("k", "v1", ETERNAL, Want.NOTHING);
    WriteResult<String> result = store.replace("k", "v2", ETERNAL, Want.PREVIOUS);
    assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(result.previous()).isEqualTo("v1");
    assertThat(store.get("k", ETERNAL).value()).isEqualTo("v2");
  }

  @Test
  void compareAndReplace() {
    assertThat(store.replace("k", "x", "v", ETERNAL).outcome()).isEqualTo(Outcome.ABSENT);
    store.put("k", "v1", ETERNAL, Want.NOTHING);
    assertThat(store.replace("k", "other", "v2", new FixedExpiry(LONG_LIFE, LONG_LIFE, LONG_LIFE)).outcome())
        .isEqualTo(Outcome.MISMATCH);
    assertThat(store.get("k", ETERNAL).value()).isEqualTo("v1");
    assertThat(remainingMillis("k")).as("a mismatch applies the access lifetime").isBetween(LONG - 5_000, LONG);
    WriteResult<String> result = store.replace("k", "v1", "v2", ETERNAL);
    assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(store.get("k", ETERNAL).value()).isEqualTo("v2");
  }

  @Test
  void removeReportsWhatWasThere() {
    assertThat(store.remove("k", Want.PREVIOUS).outcome()).isEqualTo(Outcome.ABSENT);
    store.put("k", "v", ETERNAL, Want.NOTHING);
    WriteResult<String> result = store.remove("k", Want.PREVIOUS);
    assertThat(result.outcome()).isEqualTo(Outcome.REMOVED);
    assertThat(result.previous()).isEqualTo("v");
    assertThat(store.containsKey("k")).isFalse();
  }

  @Test
  void compareAndRemove() {
    assertThat(store.remove("k", "v", ETERNAL).outcome()).isEqualTo(Outcome.ABSENT);
    store.put("k", "v", ETERNAL, Want.NOTHING);
    assertThat(store.remove("k", "other", ETERNAL).outcome()).isEqualTo(Outcome.MISMATCH);
    assertThat(store.containsKey("k")).isTrue();
    assertThat(store.remove("k", "v", ETERNAL).outcome()).isEqualTo(Outcome.REMOVED);
    assertThat(store.containsKey("k")).isFalse();
  }

  @Test
  void bulkOperations() {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      entries.put("k" + i, "v" + i);
    }
    store.put("k0", "old", ETERNAL, Want.NOTHING);
    Map<String, WriteResult<String>> puts = store.putAll(entries, ETERNAL, Want.PREVIOUS);
    assertThat(puts).hasSize(50);
    assertThat(puts.get("k0").outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(puts.get("k0").previous()).isEqualTo("old");
    assertThat(puts.get("k1").outcome()).isEqualTo(Outcome.CREATED);

    List<String> keys = new ArrayList<>(entries.keySet());
    keys.add("absent");
    Map<String, String> found = store.getAll(keys, ETERNAL);
    assertThat(found).isEqualTo(entries);

    Map<String, WriteResult<String>> removed = store.removeAll(List.of("k1", "k2", "absent"), Want.PREVIOUS);
    assertThat(removed.get("k1").outcome()).isEqualTo(Outcome.REMOVED);
    assertThat(removed.get("k1").previous()).isEqualTo("v1");
    assertThat(removed.get("absent").outcome()).isEqualTo(Outcome.ABSENT);
    assertThat(store.getAll(keys, ETERNAL)).hasSize(48);
  }

  @Test
  void iterationSeesEveryLiveEntryAndClearRemovesThem() {
    Map<String, String> entries = new HashMap<>();
    for (int i = 0; i < 200; i++) {
      entries.put("key-" + i, "value-" + i);
    }
    store.putAll(entries, ETERNAL, Want.NOTHING);
    Map<String, String> seen = new HashMap<>();
    store.iterator().forEachRemaining(e -> seen.put(e.getKey(), e.getValue()));
    assertThat(seen).isEqualTo(entries);
    store.clear();
    assertThat(store.iterator().hasNext()).isFalse();
    assertThat(store.containsKey("key-1")).isFalse();
  }

  @Test
  void tagsListTheirKeysAndAreNotEntries() {
    store.put("a", "1", ETERNAL, Want.NOTHING);
    store.put("b", "2", ETERNAL, Want.NOTHING);
    store.tag("a", List.of("t1", "t2"), LONG_LIFE);
    store.tag("b", List.of("t1"), Lifetime.ETERNAL);
    assertThat(store.taggedKeys("t1")).containsExactlyInAnyOrder("a", "b");
    assertThat(store.taggedKeys("t2")).containsExactly("a");
    assertThat(store.taggedKeys("unknown")).isEmpty();
    List<String> iterated = new ArrayList<>();
    store.iterator().forEachRemaining(entry -> iterated.add(entry.getKey()));
    assertThat(iterated).containsExactlyInAnyOrder("a", "b");
    List<String> matching = new ArrayList<>();
    store.keys("*").forEachRemaining(matching::add);
    assertThat(matching).containsExactlyInAnyOrder("a", "b");
    store.untag("t1", List.of("a", "b"));
    assertThat(store.taggedKeys("t1")).isEmpty();
    assertThat(store.containsKey("a")).isTrue();
    store.clear();
    assertThat(store.taggedKeys("t2")).as("clear drops tags too").isEmpty();
  }

  @Test
  void computeAppliesTheDecision() {
    String created = store.compute("k",
        current -> Decision.put("v1", LONG_LIFE, current == null ? "absent" : "present"));
    assertThat(created).isEqualTo("absent");
    assertThat(store.get("k", ETERNAL).value()).isEqualTo("v1");
    String seen = store.compute("k", current -> Decision.put(current.value() + "+", KEEP, current.value()));
    assertThat(seen).isEqualTo("v1");
    assertThat(store.get("k", ETERNAL).value()).isEqualTo("v1+");
    assertThat(remainingMillis("k")).isBetween(LONG - 5_000, LONG);
    store.compute("k", current -> Decision.touch(Lifetime.ETERNAL, null));
    assertThat(remainingMillis("k")).isEqualTo(-1);
    store.compute("k", current -> Decision.remove(null));
    assertThat(store.containsKey("k")).isFalse();
  }

  @Test
  void computeThatThrowsLeavesTheEntry() {
    store.put("k", "v", ETERNAL, Want.NOTHING);
    assertThatThrownBy(() -> store.compute("k", current -> {
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(store.get("k", ETERNAL).value()).isEqualTo("v");
  }

  @Test
  void computeIsAtomicPerKey() throws Exception {
    store.put("counter", "0", ETERNAL, Want.NOTHING);
    Concurrently.repeat(4, 500, () -> store.compute("counter", current ->
        Decision.put(String.valueOf(Integer.parseInt(current.value()) + 1), KEEP, null)));
    assertThat(store.get("counter", ETERNAL).value()).isEqualTo("2000");
  }

  @Test
  void writeHookSeesTheWriteAndCanAbortIt() {
    List<String> written = new ArrayList<>();
    WriteHook<String> recording = new WriteHook<>() {
      @Override
      public void beforeWrite(String value) {
        written.add(value);
      }

      @Override
      public void beforeDelete() {
        written.add("<delete>");
      }
    };
    store.compute("k", StoreOps.put("v", ETERNAL, recording));
    store.compute("k", StoreOps.remove(recording));
    assertThat(written).containsExactly("v", "<delete>");
    WriteHook<String> failing = new WriteHook<>() {
      @Override
      public void beforeWrite(String value) {
        throw new IllegalStateException("writer down");
      }

      @Override
      public void beforeDelete() {
        throw new IllegalStateException("writer down");
      }
    };
    assertThatThrownBy(() -> store.compute("k", StoreOps.put("v", ETERNAL, failing)))
        .hasMessage("writer down");
    assertThat(store.containsKey("k")).isFalse();
  }
}
