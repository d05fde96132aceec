package org.stratacache.jcache.internal.concurrent;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

/** Counts the threads the provider starts: by name ({@code strata-}) and as the JVM's live and peak counts. */
public final class ProviderThreads {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final int liveAtStart;
  private final long startedAtStart;

  private ProviderThreads() {
    THREADS.resetPeakThreadCount();
    this.liveAtStart = THREADS.getThreadCount();
    this.startedAtStart = THREADS.getTotalStartedThreadCount();
  }

  /** Starts counting from now. */
  public static ProviderThreads baseline() {
    return new ProviderThreads();
  }

  /** Live threads named {@code strata-...} now. */
  public static long named() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .filter(thread -> thread.getName().startsWith(NamedThreads.PREFIX)).count();
  }

  /** The most threads alive at once since the baseline, minus those alive at the baseline. */
  public int peakAbove() {
    return THREADS.getPeakThreadCount() - liveAtStart;
  }

  /** Threads started since the baseline (including those that ended). */
  public long started() {
    return THREADS.getTotalStartedThreadCount() - startedAtStart;
  }

  /** Live threads now minus those alive at the baseline. */
  public int liveAbove() {
    return THREADS.getThreadCount() - liveAtStart;
  }

  /** Waits up to {@code seconds} for the live count to fall back to at most the baseline plus {@code slack}. */
  public int awaitLiveAbove(int slack, long seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (liveAbove() > slack && System.nanoTime() < end) {
      Thread.sleep(50);
    }
    return liveAbove();
  }
}
