package org.stratacache.jcache.store;

import java.util.concurrent.atomic.AtomicInteger;

/** A non-fixed expiry with set durations that counts how often each branch is asked. */
public final class CountingExpiry implements EntryExpiry {

  final AtomicInteger creations = new AtomicInteger();
  final AtomicInteger updates = new AtomicInteger();
  final AtomicInteger accesses = new AtomicInteger();
  private final long creation;
  private final long update;
  private final long access;

  public CountingExpiry(long creation, long update, long access) {
    this.creation = creation;
    this.update = update;
    this.access = access;
  }

  @Override
  public long onCreation() {
    creations.incrementAndGet();
    return creation;
  }

  @Override
  public long onUpdate() {
    updates.incrementAndGet();
    return update;
  }

  @Override
  public long onAccess() {
    accesses.incrementAndGet();
    return access;
  }

  @Override
  public boolean isFixed() {
    return false;
  }
}
