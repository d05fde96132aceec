package org.stratacache.jcache.store.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pub/sub connection of its own on which one cache hears its event channel and the expirations
 * of its database ({@code __keyevent@<db>__:expired}, filtered by the cache's namespace later).
 * Expirations need {@code notify-keyspace-events} to hold {@code E} and {@code x}: it is checked,
 * and set with {@code CONFIG SET} when missing, at start and after every reconnection (a restarted
 * Redis forgets it); a refusal is logged once as a warning. Lettuce subscribes again by itself
 * after a reconnection; messages published meanwhile are lost.
 */
final class EventSubscription extends RedisPubSubAdapter<byte[], byte[]>
    implements RedisConnectionStateListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventSubscription.class);
  private static final String NOTIFY = "notify-keyspace-events";
  private static final long RETRY_MILLIS = 100;

  private final StatefulRedisPubSubConnection<byte[], byte[]> connection;
  private final RedisConnection commands;
  private final ClientResources resources;
  private final byte[] eventChannel;
  private final byte[] expiredChannel;
  private final Consumer<byte[]> onEvent;
  private final Consumer<byte[]> onExpired;
  private volatile boolean refusalLogged;
  private volatile boolean closed;

  private EventSubscription(StatefulRedisPubSubConnection<byte[], byte[]> connection, RedisConnection commands,
                            ClientResources resources, String eventChannel, int database, Consumer<byte[]> onEvent,
                            Consumer<byte[]> onExpired) {
    this.connection = connection;
    this.commands = commands;
    this.resources = resources;
    this.eventChannel = eventChannel.getBytes(StandardCharsets.UTF_8);
    this.expiredChannel = ("__keyevent@" + database + "__:expired").getBytes(StandardCharsets.US_ASCII);
    this.onEvent = onEvent;
    this.onExpired = onExpired;
  }

  /**
   * Subscribes {@code connection}, which this object owns from now on, and waits for the
   * subscription within the command timeout.
   *
   * @param commands the cache's regular connection, for {@code CONFIG}
   */
  static EventSubscription start(StatefulRedisPubSubConnection<byte[], byte[]> connection, RedisConnection commands,
                                 ClientResources resources, String eventChannel, int database,
                                 Consumer<byte[]> onEvent, Consumer<byte[]> onExpired) {
    EventSubscription subscription = new EventSubscription(connection, commands, resources, eventChannel, database,
        onEvent, onExpired);
    connection.addListener((RedisPubSubAdapter<byte[], byte[]>) subscription);
    connection.addListener((RedisConnectionStateListener) subscription);
    try {
      commands.await(connection.async().subscribe(subscription.eventChannel, subscription.expiredChannel),
          "SUBSCRIBE");
      commands.await(subscription.ensureNotifications(), "CONFIG " + NOTIFY);
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
    return subscription;
  }

  @Override
  public void message(byte[] channel, byte[] message) {
    if (Arrays.equals(channel, eventChannel)) {
      onEvent.accept(message);
    } else if (Arrays.equals(channel, expiredChannel)) {
      onExpired.accept(message);
    }
  }

  /** Turns expiration notifications on if they are off; completes normally even when refused. */
  private CompletionStage<Void> ensureNotifications() {
    return commands.commands().configGet(NOTIFY).thenCompose(current -> {
      String flags = current.getOrDefault(NOTIFY, "");
      if (flags.contains("E") && (flags.contains("x") || flags.contains("A"))) {
        return CompletableFuture.completedFuture("OK");
      }
      return commands.commands().configSet(NOTIFY, flags + "Ex");
    }).handle((ok, failure) -> {
      if (failure != null) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RedisCommandExecutionException) {
          refused(cause);
        } else {
          throw new CompletionException(cause);
        }
      }
      return null;
    });
  }

  private void refused(Throwable cause) {
    if (!refusalLogged) {
      refusalLogged = true;
      LOG.warn("Expirations are not heard on {} at {}: Redis refused to turn on {} ({}); set {} to include 'Ex' in "
          + "the Redis configuration", new String(eventChannel, StandardCharsets.UTF_8), commands.maskedUri(), NOTIFY,
          cause.getMessage(), NOTIFY.toLowerCase(Locale.ROOT));
    }
  }

  @Override
  public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
    renotify();
  }

  /** A restarted Redis has its configured notifications back, not those set at runtime: set them again. */
  private void renotify() {
    if (closed) {
      return;
    }
    ensureNotifications().whenComplete((ok, failure) -> {
      if (failure != null && !closed) {
        LOG.debug("Cannot check {} at {} yet: {}", NOTIFY, commands.maskedUri(), failure.getMessage());
        resources.eventExecutorGroup().schedule(this::renotify, RETRY_MILLIS, TimeUnit.MILLISECONDS);
      }
    });
  }

  @Override
  public void close() {
    closed = true;
    connection.close();
  }
}
