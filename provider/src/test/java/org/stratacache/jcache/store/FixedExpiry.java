package org.stratacache.jcache.store;

/** A fixed expiry with set lifetimes, as the standard policies produce. */
public record FixedExpiry(Lifetime onCreation, Lifetime onUpdate, Lifetime onAccess) implements EntryExpiry {

  @Override
  public boolean isFixed() {
    return true;
  }
}
