package org.stratacache.jcache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The special lifetimes are values of their own, not numbers a reader must know. */
class LifetimeTest {

  @Test
  void specialLengthsAreTheConstants() {
    assertThat(Lifetime.ofMillis(0)).isSameAs(Lifetime.EXPIRE_NOW);
    assertThat(Lifetime.ofMillis(Long.MAX_VALUE)).isSameAs(Lifetime.ETERNAL);
    assertThat(Lifetime.ofMillis(5).isFinite()).isTrue();
    assertThat(Lifetime.ofMillis(5).millis()).isEqualTo(5);
    assertThat(Lifetime.ofMillis(5)).isEqualTo(Lifetime.ofMillis(5)).hasToString("5 ms");
    assertThatThrownBy(() -> Lifetime.ofMillis(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(Lifetime.KEEP::millis).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(Lifetime.ETERNAL::millis).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void deadlinesSaturateAndKeepHasNone() {
    assertThat(Lifetime.ofMillis(10).deadline(1_000)).isEqualTo(1_010);
    assertThat(Lifetime.ETERNAL.deadline(1_000)).isEqualTo(StoreEntry.NEVER);
    assertThat(Lifetime.ofMillis(Long.MAX_VALUE - 1).deadline(1_000)).isEqualTo(StoreEntry.NEVER);
    assertThatThrownBy(() -> Lifetime.KEEP.deadline(1_000)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void longerAndKeepFallback() {
    Lifetime minute = Lifetime.ofMillis(60_000);
    assertThat(minute.max(Lifetime.ETERNAL)).isSameAs(Lifetime.ETERNAL);
    assertThat(minute.max(Lifetime.ofMillis(1))).isSameAs(minute);
    assertThat(Lifetime.KEEP.orIfKeep(minute)).isSameAs(minute);
    assertThat(minute.orIfKeep(Lifetime.ETERNAL)).isSameAs(minute);
  }
}
