package org.stratacache.jcache.expiry;

import java.io.Serializable;

/**
 * The clock that expiry instants refer to. Injected so that expiry can be tested on a fake clock;
 * the default is the system's wall clock. Implementations must be thread-safe and cheap; serializable
 * because configurations are.
 */
@FunctionalInterface
public interface Ticker extends Serializable {

  /** The current time in epoch milliseconds. */
  long millis();

  /** The system wall clock. */
  static Ticker system() {
    return SystemTicker.INSTANCE;
  }
}
