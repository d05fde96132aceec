package org.stratacache.jcache.internal.store.redis;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Bulk work in batches of {@value #SIZE}: commands of a batch are sent together (a pipeline, as
 * Lettuce sends commands as they are issued) and awaited before the next batch is sent, so a bulk
 * operation keeps at most one batch in flight.
 */
final class Batches {

  /** Items per batch, and the page size asked of SCAN. */
  static final int SIZE = 1000;

  private Batches() {
  }

  /** Hands {@code items} to {@code batch} in order, in lists of at most {@value #SIZE}. */
  static <T> void split(Iterable<? extends T> items, Consumer<List<T>> batch) {
    Iterator<? extends T> remaining = items.iterator();
    List<T> current = new ArrayList<>();
    while (remaining.hasNext()) {
      current.add(remaining.next());
      if (current.size() == SIZE || !remaining.hasNext()) {
        batch.accept(current);
        current = new ArrayList<>();
      }
    }
  }

  /**
   * One command per item, sent a batch at a time and awaited in order; results keyed by
   * {@code key}, whose first item wins (later items with the same key are skipped). After each batch's
   * commands, {@code afterBatch} may send one more command for the keys of the batch (in the same
   * pipeline), awaited after them.
   */
  static <T, K, R> Map<K, R> pipeline(Iterable<? extends T> items, Function<T, K> key, Function<T, Call<R>> send,
                                      Function<List<K>, Call<Void>> afterBatch, String what) {
    Map<K, R> results = new LinkedHashMap<>();
    split(items, batch -> {
      Map<K, Call<R>> pending = new LinkedHashMap<>();
      for (T item : batch) {
        K k = key.apply(item);
        if (!results.containsKey(k) && !pending.containsKey(k)) {
          pending.put(k, send.apply(item));
        }
      }
      Call<Void> after = afterBatch.apply(new ArrayList<>(pending.keySet()));
      pending.forEach((k, call) -> results.put(k, call.await(what)));
      after.await(what);
    });
    return results;
  }
}
