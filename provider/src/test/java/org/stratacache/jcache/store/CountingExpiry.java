package org.stratacache.jcache.store;

import java.util.concurrent.atomic.AtomicInteger;

/** A non-fixed expiry with set lifetimes that counts how often each branch is asked. */
public final class CountingExpiry implements EntryExpiry {

  final AtomicInteger creations = new AtomicInteger();
  final AtomicInteger updates = new AtomicInteger();
  final AtomicInteger accesses = new AtomicInteger();
  private final Lifetime creation;
  private final Lifetime update;
  private final Lifetime access;

  public CountingExpiry(Lifetime creation, Lifetime update, Lifetime access) {
    this.creation = creation;
    this.update = update;
    this.access = access;
  }

  @Override
  public Lifetime onCreation() {
    creations.incrementAndGet();
    return creation;
  }

  @Override
  public Lifetime onUpdate() {
    updates.incrementAndGet();
    return update;
  }

  @Override
  public Lifetime onAccess() {
    accesses.incrementAndGet();
    return access;
  }

  @Override
  public boolean isFixed() {
    return false;
  }
}
