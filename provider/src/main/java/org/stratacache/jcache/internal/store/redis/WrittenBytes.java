package org.stratacache.jcache.internal.store.redis;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The stored bytes of values the current thread just wrote to Redis or got back as replaced, kept
 * until the cache's remote event about that write takes them, so the event does not encode again
 * what the write encoded. Values are matched by identity: a cache hands its event the very objects
 * it handed its store (a Redis store copies by serializing, so the cache copies nothing).
 *
 * <p>Only writes Redis acknowledged are kept, in the order of their events (new value, then
 * previous). Taking a value drops what was kept before it: an event that was never published (a
 * listener failed first) leaves nothing behind for a later write; keeping a value again replaces
 * what was kept for it. At most {@value #MAX_VALUES}
 * values and {@value #MAX_BYTES} bytes are kept per thread, the oldest dropped first.
 */
final class WrittenBytes {

  static final int MAX_VALUES = Batches.SIZE;
  static final long MAX_BYTES = 16L << 20;

  private final ThreadLocal<Kept> kept = new ThreadLocal<>();

  /** Keeps {@code bytes} as the stored form of {@code value} for the event that follows. */
  void keep(Object value, byte[] bytes) {
    Kept mine = kept.get();
    if (mine == null) {
      mine = new Kept();
      kept.set(mine);
    }
    mine.add(value, bytes);
  }

  /** The bytes kept for {@code value} (by identity), or {@code null}; they are kept no longer. */
  byte[] take(Object value) {
    Kept mine = kept.get();
    if (mine == null) {
      return null;
    }
    byte[] bytes = mine.take(value);
    if (mine.isEmpty()) {
      kept.remove();
    }
    return bytes;
  }

  private static final class Kept {

    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long size;

    void add(Object value, byte[] bytes) {
      Iterator<Entry> it = entries.iterator();
      while (it.hasNext()) {
        Entry older = it.next();
        if (older.value == value) {  // the same object written again, maybe changed since: only the new bytes count
          it.remove();
          size -= older.bytes.length;
        }
      }
      entries.add(new Entry(value, bytes));
      size += bytes.length;
      while (entries.size() > MAX_VALUES || size > MAX_BYTES) {
        size -= entries.poll().bytes.length;
      }
    }

    byte[] take(Object value) {
      int older = 0;
      for (Iterator<Entry> it = entries.iterator(); it.hasNext(); older++) {
        if (it.next().value == value) {
          for (; older > 0; older--) {
            size -= entries.poll().bytes.length;
          }
          Entry taken = entries.poll();
          size -= taken.bytes.length;
          return taken.bytes;
        }
      }
      return null;
    }

    boolean isEmpty() {
      return entries.isEmpty();
    }
  }

  private static final class Entry {

    final Object value;
    final byte[] bytes;

    Entry(Object value, byte[] bytes) {
      this.value = value;
      this.bytes = bytes;
    }
  }
}
