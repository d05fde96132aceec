package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.store.StoreAccessException;
import org.stratacache.jcache.store.StoreSecurityException;

/**
 * One connection to a Redis deployment, shared by every cache of a manager that uses the same URI.
 * Lettuce connections are thread-safe and multiplex concurrent commands; commands are sent as they
 * are issued, so awaiting a batch of futures together is a pipeline.
 */
final class RedisConnection implements AutoCloseable {

  private final String maskedUri;
  private final StatefulConnection<byte[], byte[]> connection;
  private final RedisClusterAsyncCommands<byte[], byte[]> commands;
  private final Duration timeout;

  /**
   * Wraps an open connection.
   *
   * @param commands its asynchronous commands: a standalone or Sentinel connection's, or a cluster
   *                 connection's (which route each key to its slot's master and fan out SCAN and MGET)
   */
  RedisConnection(String maskedUri, StatefulConnection<byte[], byte[]> connection,
                  RedisClusterAsyncCommands<byte[], byte[]> commands, Duration timeout) {
    this.maskedUri = maskedUri;
    this.connection = connection;
    this.commands = commands;
    this.timeout = timeout;
  }

  RedisClusterAsyncCommands<byte[], byte[]> commands() {
    return commands;
  }

  String maskedUri() {
    return maskedUri;
  }

  Duration timeout() {
    return timeout;
  }

  /** SCAN on one node, from a cursor that node gave. */
  @FunctionalInterface
  interface NodeScan {
    CompletionStage<KeyScanCursor<byte[]>> scan(ScanCursor cursor, ScanArgs args);
  }

  /**
   * What a full SCAN must visit: the one server, or each master of a cluster that serves slots now.
   * Lettuce's own cluster SCAN also visits masters that failed and lost their slots to a promoted
   * replica (they stay in CLUSTER NODES), and fails on them; a failed master that still owns slots
   * is visited, so a scan that cannot be complete fails instead of silently missing keys.
   */
  List<NodeScan> scanTargets() {
    if (!(connection instanceof StatefulRedisClusterConnection<byte[], byte[]> cluster)) {
      return List.of(commands::scan);
    }
    List<NodeScan> targets = new ArrayList<>();
    for (RedisClusterNode node : cluster.getPartitions()) {
      if (node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.hasNoSlots()) {
        String id = node.getNodeId();
        targets.add((cursor, args) -> cluster.getConnectionAsync(id)
            .thenCompose(nodeConnection -> nodeConnection.async().scan(cursor, args)));
      }
    }
    return targets;
  }

  /**
   * The commands of one node of a cluster, on the connection Lettuce keeps to it.
   *
   * @throws IllegalStateException when this is not a cluster connection
   */
  CompletionStage<RedisClusterAsyncCommands<byte[], byte[]>> node(String nodeId) {
    if (!(connection instanceof StatefulRedisClusterConnection<byte[], byte[]> cluster)) {
      throw new IllegalStateException("Not a Redis Cluster: " + maskedUri);
    }
    return cluster.getConnectionAsync(nodeId).thenApply(StatefulRedisConnection::async);
  }

  /** Runs a script by its SHA; if the server does not know it yet, sends its source once. */
  <T> CompletionStage<T> script(Script script, ScriptOutputType type, byte[] key, byte[]... args) {
    return script(script, type, new byte[][] {key}, args);
  }

  /** {@link #script(Script, ScriptOutputType, byte[], byte[]...)} over several keys (one hash slot on Cluster). */
  <T> CompletionStage<T> script(Script script, ScriptOutputType type, byte[][] keys, byte[]... args) {
    RedisFuture<T> bySha = commands.evalsha(script.sha(), type, keys, args);
    return bySha.handle((result, failure) -> {
      if (failure == null) {
        return CompletableFuture.completedFuture(result);
      }
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause() : failure;
      if (cause instanceof RedisNoScriptException) {
        return commands.<T>eval(script.source(), type, keys, args).toCompletableFuture();
      }
      return CompletableFuture.<T>failedFuture(cause);
    }).thenCompose(stage -> stage);
  }

  /** Waits for {@code future} within the command timeout, turning failures into {@link StoreAccessException}. */
  <T> T await(CompletionStage<T> future, String what) {
    Future<T> waitable = future.toCompletableFuture();
    try {
      return waitable.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      waitable.cancel(false);
      throw new StoreAccessException("Redis at " + maskedUri + " did not answer " + what + " within " + timeout, e);
    } catch (CancellationException e) {
      throw new StoreAccessException("Redis at " + maskedUri + " cancelled " + what + " (connection closed)", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof CodecException codec) {
        throw codec;
      }
      StoreSecurityException refused = ConnectFailures.command(cause, maskedUri, what);
      if (refused != null) {
        throw refused;
      }
      throw new StoreAccessException("Redis at " + maskedUri + " failed " + what + ": " + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreAccessException("Interrupted while waiting for Redis at " + maskedUri + " (" + what + ")", e);
    }
  }

  boolean isOpen() {
    return connection.isOpen();
  }

  @Override
  public void close() {
    connection.close();
  }
}
