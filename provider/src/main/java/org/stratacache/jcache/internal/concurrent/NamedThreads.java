package org.stratacache.jcache.internal.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named {@code strata-<role>-<owner>-<n>}, so that a leak is easy to spot and to count. */
final class NamedThreads implements ThreadFactory {

  /** The prefix of every thread the provider starts. */
  static final String PREFIX = "strata-";

  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  NamedThreads(String role, String owner) {
    this.prefix = PREFIX + role + "-" + owner + "-";
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, prefix + count.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
