package org.stratacache.jcache.expiry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when a test moves it. */
public final class FakeTicker implements Ticker {

  private static final long serialVersionUID = 1L;

  private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

  @Override
  public long millis() {
    return now.get();
  }

  /** Moves the clock forward. */
  public void advance(Duration duration) {
    now.addAndGet(duration.toMillis());
  }

  /** Moves the clock forward by {@code millis}. */
  public void advanceMillis(long millis) {
    now.addAndGet(millis);
  }
}
