package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Expiration notifications on one Redis server: {@code notify-keyspace-events} must hold {@code K}
 * and {@code x} (or {@code A}). Checked and, when missing, set with {@code CONFIG SET}; a server that
 * refuses {@code CONFIG} (a managed Redis, an ACL user without it) is told to the caller, not failed.
 */
final class KeyspaceNotifications {

  static final String NOTIFY = "notify-keyspace-events";

  private KeyspaceNotifications() {
  }

  /**
   * Turns expiration notifications on at {@code server} if they are off; completes normally when
   * Redis refuses, after handing the refusal to {@code refused}, and exceptionally when it cannot be reached.
   */
  static CompletionStage<Void> ensure(RedisClusterAsyncCommands<byte[], byte[]> server, Consumer<Throwable> refused) {
    return server.configGet(NOTIFY).thenCompose(current -> {
      String flags = current.getOrDefault(NOTIFY, "");
      if (flags.contains("K") && (flags.contains("x") || flags.contains("A"))) {
        return CompletableFuture.completedFuture("OK");
      }
      return server.configSet(NOTIFY, flags + "Kx");
    }).handle((ok, failure) -> {
      if (failure != null) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RedisCommandExecutionException) {
          refused.accept(cause);
        } else {
          throw new CompletionException(cause);
        }
      }
      return null;
    });
  }
}
