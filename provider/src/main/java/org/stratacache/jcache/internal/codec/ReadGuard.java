package org.stratacache.jcache.internal.codec;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import org.stratacache.jcache.configuration.DecodeLimits;
import org.stratacache.jcache.configuration.DecodeLimits.Limit;

/**
 * The state of one read that bounds its nesting depth and the hash-code work of the hash-based
 * sets and maps it rebuilds. Each object read gets a cost: one, plus the cost of every object read
 * inside it, so an object's cost bounds the work of its {@code hashCode()}; an object read again
 * by reference keeps its cost, so shared elements (the hash-code bomb: sets holding the same sets,
 * 26 levels deep) show the exponential work they would cause. Adding an element to a hash-based
 * set, or a key to such a map, spends the element's cost; the read is refused, before the
 * {@code add} or {@code put} that would hash it, once the spending passes
 * {@link Limit#HASH_WORK}. Not thread-safe: one per Kryo instance.
 */
public final class ReadGuard {

  private static final int SET = 1;
  private static final int MAP = 2;
  private static final int OTHER = 3;
  private static final long SATURATED = Long.MAX_VALUE / 4;
  private static final long HASHED_CONTAINER = 32;

  private final DecodeLimits limits;
  private final Class<?>[] types;
  private final long[] costs;
  private final int[] children;
  private final int[] kinds;
  private Map<Object, Long> memo = new IdentityHashMap<>();
  private int depth;
  private long hashWork;

  public ReadGuard(DecodeLimits limits) {
    this.limits = limits;
    int frames = limits.depth() + 2;
    this.types = new Class<?>[frames];
    this.costs = new long[frames];
    this.children = new int[frames];
    this.kinds = new int[frames];
  }

  /** Forgets the previous read. */
  public void reset() {
    // clear() keeps the table: a large one is dropped instead
    memo = memo.size() > 1024 ? new IdentityHashMap<>() : memo;
    memo.clear();
    Arrays.fill(types, 0, Math.min(types.length, depth + 1), null);
    depth = 0;
    hashWork = 0;
  }

  /** An object of {@code type} (null: not known yet) is about to be read. */
  public void enter(Class<?> type) {
    if (depth >= limits.depth()) {
      throw DecodeBounds.exceeded(Limit.DEPTH, "it nests objects more than " + limits.depth() + " deep",
          limits.depth());
    }
    depth++;
    types[depth] = type;
    costs[depth] = 1;
    children[depth] = 0;
    kinds[depth] = 0;
  }

  /** The class of the object being read, once known. */
  void type(Class<?> type) {
    if (depth > 0 && types[depth] == null && children[depth] == 0) {
      types[depth] = type;
    }
  }

  /** The object read last; spends its cost when its container hashes it. */
  public <T> T exit(T value) {
    long cost;
    if (value == null) {
      cost = 0;
    } else if (children[depth] == 0) {
      cost = memo.getOrDefault(value, 1L);   // a leaf, or an object read again by reference
    } else {
      // hashing a set or map also walks its table, and allocates an iterator: more than one element's work
      cost = kind(depth) == OTHER ? costs[depth] : Math.min(SATURATED, costs[depth] + HASHED_CONTAINER);
      memo.put(value, cost);
    }
    types[depth] = null;
    depth--;
    if (depth > 0) {
      int index = children[depth]++;
      costs[depth] = Math.min(SATURATED, costs[depth] + cost);
      int kind = kind(depth);
      if (kind == SET || (kind == MAP && index % 2 == 0)) {
        hashWork = Math.min(SATURATED, hashWork + cost);
        if (hashWork > limits.hashWork()) {
          throw DecodeBounds.exceeded(Limit.HASH_WORK, "rebuilding its hash-based sets and maps would compute "
              + "hash codes over " + hashWork + " objects (nested sets or maps sharing their elements)",
              limits.hashWork());
        }
      }
    }
    return value;
  }

  private int kind(int frame) {
    if (kinds[frame] == 0) {
      Class<?> type = types[frame];
      kinds[frame] = type == null ? OTHER
          : Set.class.isAssignableFrom(type) && !SortedSet.class.isAssignableFrom(type) ? SET
          : Map.class.isAssignableFrom(type) && !SortedMap.class.isAssignableFrom(type) ? MAP : OTHER;
    }
    return kinds[frame];
  }
}
