package org.stratacache.ai;

import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One subscriber's subscription to a {@link ChunkLog}: chunks in order, never more than requested,
 * signals never concurrent (one drain loop at a time), then the log's end.
 *
 * @param <C> the chunk type
 */
final class ChunkReplay<C> implements Flow.Subscription {

  private final Flow.Subscriber<? super C> subscriber;
  private final ChunkLog<C> log;
  private final AtomicLong requested = new AtomicLong();
  private final AtomicInteger work = new AtomicInteger();
  private volatile boolean cancelled;
  private volatile boolean badDemand;
  private volatile long badRequest;
  private int index;
  private volatile boolean finished;

  ChunkReplay(Flow.Subscriber<? super C> subscriber, ChunkLog<C> log) {
    this.subscriber = subscriber;
    this.log = log;
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      badRequest = n;
      badDemand = true;  // reported by the drain loop, so that signals stay serial (rule 3.9)
    } else {
      requested.accumulateAndGet(n, (current, more) -> current + more < 0 ? Long.MAX_VALUE : current + more);
    }
    drain();
  }

  @Override
  public void cancel() {
    if (!cancelled) {
      cancelled = true;
      log.cancelled(this);
    }
  }

  void drain() {
    if (work.getAndIncrement() != 0) {
      return;
    }
    int missed = 1;
    while (true) {
      if (finished || cancelled) {
        return;
      }
      if (badDemand) {
        finish(new IllegalArgumentException("request(" + badRequest + "): demand must be positive (rule 3.9)"));
        return;
      }
      long wanted = requested.get();
      long sent = 0;
      while (sent != wanted && index < log.size()) {
        if (cancelled) {
          return;
        }
        subscriber.onNext(log.get(index++));
        sent++;
      }
      if (sent != 0 && wanted != Long.MAX_VALUE) {
        requested.addAndGet(-sent);
      }
      if (log.isDone() && index == log.size()) {
        finish(log.failure());
        return;
      }
      missed = work.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  private void finish(Throwable failure) {
    finished = true;
    if (badDemand) {
      cancel();
    }
    if (failure == null) {
      subscriber.onComplete();
    } else {
      subscriber.onError(failure);
    }
  }
}
