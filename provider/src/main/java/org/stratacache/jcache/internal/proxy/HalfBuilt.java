package org.stratacache.jcache.internal.proxy;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a cache under construction opened so far (a store and its Redis connections, a loader, a
 * writer, listeners, JMX beans): when construction fails, all of it is closed, last opened first,
 * and whatever fails to close is added to the construction's failure as suppressed.
 */
final class HalfBuilt {

  private final Deque<Runnable> undo = new ArrayDeque<>();

  /** Remembers {@code resource} to close it on failure when it is closeable; returns it. */
  <T> T add(T resource) {
    if (resource instanceof AutoCloseable closeable) {
      undo.push(() -> {
        try {
          closeable.close();
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException("Could not close " + closeable + ": " + e.getMessage(), e);
        }
      });
    }
    return resource;
  }

  /** Remembers an action that undoes a step. */
  void undo(Runnable action) {
    undo.push(action);
  }

  /** Undoes every step, last first; failures are added to {@code failure}. */
  void closeAll(Throwable failure) {
    while (!undo.isEmpty()) {
      try {
        undo.pop().run();
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }
}
