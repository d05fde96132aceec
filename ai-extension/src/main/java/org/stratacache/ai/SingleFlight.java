package org.stratacache.ai;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * One computation per key at a time in this JVM: the first caller computes, the others wait for
 * its result or its failure (the very same exception instance).
 */
final class SingleFlight {

  private final ConcurrentMap<String, CompletableFuture<AIResponse>> running = new ConcurrentHashMap<>();

  /** Whether another caller is computing {@code key} right now. */
  boolean isRunning(String key) {
    return running.containsKey(key);
  }

  /**
   * Computes {@code key} once across concurrent callers.
   *
   * @param onJoin called when this caller waits for another's computation instead of computing
   */
  AIResponse run(String key, Supplier<AIResponse> computation, Runnable onJoin) {
    CompletableFuture<AIResponse> mine = new CompletableFuture<>();
    CompletableFuture<AIResponse> theirs = running.putIfAbsent(key, mine);
    if (theirs != null) {
      onJoin.run();
      try {
        return theirs.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e.getCause() instanceof RuntimeException failure ? failure : e;
      }
    }
    try {
      AIResponse result = computation.get();
      mine.complete(result);
      return result;
    } catch (Throwable e) {
      // whatever ends the computation (an Error too) must reach the waiters, or they wait forever
      mine.completeExceptionally(e);
      throw e;
    } finally {
      running.remove(key, mine);
    }
  }
}
