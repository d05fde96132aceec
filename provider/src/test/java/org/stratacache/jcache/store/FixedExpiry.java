package org.stratacache.jcache.store;

/** A fixed expiry with set durations, as the standard policies produce. */
public record FixedExpiry(long onCreation, long onUpdate, long onAccess) implements EntryExpiry {

  @Override
  public boolean isFixed() {
    return true;
  }
}
