package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The keys matching a pattern, one SCAN page at a time (never KEYS); a page may be empty. On a
 * cluster, each master serving slots is scanned in turn.
 */
final class ScanPages implements Iterator<List<byte[]>> {

  private final RedisConnection redis;
  private final ScanArgs args;
  private final Deque<RedisConnection.NodeScan> nodes;
  private ScanCursor cursor = ScanCursor.INITIAL;

  ScanPages(RedisConnection redis, byte[] pattern) {
    this.redis = redis;
    this.args = ScanArgs.Builder.matches(pattern).limit(Batches.SIZE);
    this.nodes = new ArrayDeque<>(redis.scanTargets());
  }

  @Override
  public boolean hasNext() {
    while (!nodes.isEmpty() && cursor.isFinished()) {
      nodes.poll();
      cursor = ScanCursor.INITIAL;
    }
    return !nodes.isEmpty();
  }

  @Override
  public List<byte[]> next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    KeyScanCursor<byte[]> page = redis.await(nodes.peek().scan(cursor, args), "SCAN");
    cursor = page;
    return page.getKeys();
  }
}
