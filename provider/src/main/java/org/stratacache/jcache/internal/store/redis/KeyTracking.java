package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushListener;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.resource.ClientResources;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stratacache.jcache.internal.store.near.Invalidations;

/**
 * A connection of its own on which Redis reports every change to the keys under one prefix, made by
 * any client ({@code CLIENT TRACKING ON BCAST PREFIX}, RESP3 push messages). While the connection is
 * down the listener is suspended, since changes made meanwhile go unreported; once it is back and
 * tracking is on again, the listener resumes.
 *
 * <p>A connection can also die without closing (a firewall that forgets it, a cut cable): nothing
 * arrives and nothing says so. A {@code PING} every timeout period checks that the connection still
 * answers (an error reply, such as an ACL refusal, is an answer too); while it does not, the listener
 * is suspended too.
 */
final class KeyTracking implements AutoCloseable, PushListener, RedisConnectionStateListener {

  private static final Logger LOG = LoggerFactory.getLogger(KeyTracking.class);
  private static final long RETRY_MILLIS = 100;

  private final StatefulRedisConnection<byte[], byte[]> connection;
  private final ClientResources resources;
  private final String prefix;
  private final Invalidations<byte[]> listener;
  private final String maskedUri;
  private final Duration timeout;
  private final Object lock = new Object();
  private volatile boolean closed;
  /** Tracking is on for the current connection (false from a disconnection until it is on again). */
  private boolean tracked = true;
  /** The last PING was answered in time. */
  private boolean answering = true;
  private ScheduledFuture<?> check;

  private KeyTracking(StatefulRedisConnection<byte[], byte[]> connection, ClientResources resources, String prefix,
                      Invalidations<byte[]> listener, String maskedUri, Duration timeout) {
    this.connection = connection;
    this.resources = resources;
    this.prefix = prefix;
    this.listener = listener;
    this.maskedUri = maskedUri;
    this.timeout = timeout;
  }

  /**
   * Turns tracking on for {@code prefix} on {@code connection}, which this object owns from now on.
   *
   * @throws io.lettuce.core.RedisException when the server cannot track (before Redis 6, or RESP2)
   */
  static KeyTracking start(StatefulRedisConnection<byte[], byte[]> connection, ClientResources resources,
                           String prefix, Invalidations<byte[]> listener, String maskedUri, Duration timeout) {
    KeyTracking tracking = new KeyTracking(connection, resources, prefix, listener, maskedUri, timeout);
    try {
      return startAsync(connection, tracking).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CompletionException && e.getCause().getCause() != null
          ? e.getCause().getCause() : e.getCause();
      throw cause instanceof RuntimeException runtime ? runtime : new RedisException(cause);
    } catch (TimeoutException e) {
      connection.close();
      throw new RedisCommandTimeoutException("CLIENT TRACKING not answered within " + timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      connection.close();
      throw new RedisException(e);
    }
  }

  /**
   * {@link #start}, without waiting: completes when tracking is on, or exceptionally (the
   * connection closed) when the server refuses it.
   */
  static CompletionStage<KeyTracking> startAsync(StatefulRedisConnection<byte[], byte[]> connection,
                                                 ClientResources resources, String prefix,
                                                 Invalidations<byte[]> listener, String maskedUri, Duration timeout) {
    return startAsync(connection, new KeyTracking(connection, resources, prefix, listener, maskedUri, timeout));
  }

  private static CompletionStage<KeyTracking> startAsync(StatefulRedisConnection<byte[], byte[]> connection,
                                                         KeyTracking tracking) {
    connection.addListener((PushListener) tracking);
    connection.addListener((RedisConnectionStateListener) tracking);
    return connection.async().clientTracking(TrackingArgs.Builder.enabled().bcast().prefixes(tracking.prefix))
        .handle((ok, failure) -> {
          if (failure != null) {
            connection.close();
            throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
          }
          tracking.scheduleCheck();
          return tracking;
        });
  }

  private void scheduleCheck() {
    synchronized (lock) {
      if (!closed) {
        check = resources.eventExecutorGroup().schedule(this::ping, timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  /** PINGs the connection; a disconnected one is left to reconnection, which suspends and resumes itself. */
  private void ping() {
    if (closed) {
      return;
    }
    boolean reconnecting;
    synchronized (lock) {
      reconnecting = !tracked;
    }
    if (reconnecting) {
      scheduleCheck();
      return;
    }
    connection.async().ping().toCompletableFuture().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete((pong, failure) -> {
          if (failure == null || isReply(failure)) {
            answered();
          } else {
            silent(failure);
          }
          scheduleCheck();
        });
  }

  /** An error reply (a user the ACL does not let PING) proves the connection alive as well as PONG. */
  private static boolean isReply(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
        : failure;
    return cause instanceof RedisCommandExecutionException;
  }

  private void answered() {
    synchronized (lock) {
      if (!answering) {
        answering = true;
        LOG.info("Tracking keys {} at {} answers again", prefix, maskedUri);
        resumeIfTrusted();
      }
    }
  }

  private void silent(Throwable failure) {
    synchronized (lock) {
      if (answering && !closed) {
        LOG.warn("Tracking keys {} at {} does not answer ({}): near cache off until it does", prefix, maskedUri,
            failure.toString());
      }
      answering = false;
      listener.suspend();
    }
  }

  /** Resumes the listener when tracking is on and the connection answers; the caller holds the lock. */
  private void resumeIfTrusted() {
    if (tracked && answering && !closed) {
      listener.resume();
    }
  }

  @Override
  public void onPushMessage(PushMessage message) {
    if (!"invalidate".equals(message.getType())) {
      return;
    }
    List<Object> content = message.getContent(KeyTracking::bytes);
    Object keys = content.size() > 1 ? content.get(1) : null;
    if (keys instanceof List<?> list) {
      for (Object key : list) {
        if (key instanceof byte[] bytes) {
          listener.invalidate(bytes);
        }
      }
    } else {
      listener.invalidateAll();  // a flush: every key may have changed
    }
  }

  private static Object bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  @Override
  public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
    synchronized (lock) {
      tracked = false;
      listener.suspend();
    }
  }

  @Override
  public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
    synchronized (lock) {
      tracked = false;
      listener.suspend();
    }
    retrack();
  }

  /** A new server-side client has no tracking: turn it on again, retrying until it works or closes. */
  private void retrack() {
    if (closed) {
      return;
    }
    connection.async().clientTracking(TrackingArgs.Builder.enabled().bcast().prefixes(prefix))
        .whenComplete((ok, failure) -> {
          if (failure == null || String.valueOf(failure.getMessage()).contains("overlap")) {
            synchronized (lock) {  // overlap: tracking survived on this connection
              tracked = true;
              resumeIfTrusted();
            }
          } else if (!closed) {
            LOG.debug("Tracking keys {} at {} not on yet: {}", prefix, maskedUri, failure.getMessage());
            resources.eventExecutorGroup().schedule(this::retrack, RETRY_MILLIS, TimeUnit.MILLISECONDS);
          }
        });
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (check != null) {
        check.cancel(false);
      }
    }
    connection.close();
  }
}
