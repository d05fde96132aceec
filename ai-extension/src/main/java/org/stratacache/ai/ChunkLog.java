package org.stratacache.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

/**
 * The chunks of one stream so far and how it ended, replayed to every subscriber from the first
 * chunk at each one's own pace. When the last subscriber cancels before the end, the log is
 * abandoned: it takes no new subscribers and {@code onAbandon} runs once. Thread-safe.
 *
 * @param <C> the chunk type
 */
final class ChunkLog<C> {

  private final List<C> chunks = new ArrayList<>();
  private final List<ChunkReplay<C>> replays = new CopyOnWriteArrayList<>();
  private final Runnable onAbandon;
  private volatile boolean done;
  private volatile Throwable failure;
  private boolean abandoned;
  private int attached;

  ChunkLog(Runnable onAbandon) {
    this.onAbandon = onAbandon;
  }

  /** A log that failed with {@code failure} before any chunk. */
  static <C> ChunkLog<C> failed(Throwable failure) {
    ChunkLog<C> log = new ChunkLog<>(() -> { });
    log.fail(failure);
    return log;
  }

  /** A finished log of {@code chunks}, for replaying a stored answer. */
  static <C> ChunkLog<C> of(List<C> chunks) {
    ChunkLog<C> log = new ChunkLog<>(() -> { });
    log.chunks.addAll(chunks);
    log.done = true;
    return log;
  }

  /**
   * Subscribes {@code subscriber} from the first chunk.
   *
   * @return {@code false} when the log was abandoned and takes no one
   */
  boolean subscribe(Flow.Subscriber<? super C> subscriber) {
    ChunkReplay<C> replay = new ChunkReplay<>(subscriber, this);
    synchronized (this) {
      if (abandoned) {
        return false;
      }
      attached++;
      replays.add(replay);
    }
    subscriber.onSubscribe(replay);
    replay.drain();
    return true;
  }

  synchronized int size() {
    return chunks.size();
  }

  synchronized C get(int index) {
    return chunks.get(index);
  }

  synchronized List<C> snapshot() {
    return List.copyOf(chunks);
  }

  boolean isDone() {
    return done;
  }

  Throwable failure() {
    return failure;
  }

  synchronized boolean isAbandoned() {
    return abandoned;
  }

  void add(C chunk) {
    synchronized (this) {
      chunks.add(chunk);
    }
    signal();
  }

  void complete() {
    done = true;
    signal();
  }

  void fail(Throwable error) {
    failure = error;
    done = true;
    signal();
  }

  void cancelled(ChunkReplay<C> replay) {
    boolean abandon;
    synchronized (this) {
      replays.remove(replay);
      attached--;
      abandon = attached == 0 && !done && !abandoned;
      abandoned |= abandon;
    }
    if (abandon) {
      onAbandon.run();
    }
  }

  private void signal() {
    for (ChunkReplay<C> replay : replays) {
      replay.drain();
    }
  }
}
