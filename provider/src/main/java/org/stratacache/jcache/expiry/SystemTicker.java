package org.stratacache.jcache.expiry;

/** The system wall clock. */
enum SystemTicker implements Ticker {
  INSTANCE;

  @Override
  public long millis() {
    return System.currentTimeMillis();
  }
}
