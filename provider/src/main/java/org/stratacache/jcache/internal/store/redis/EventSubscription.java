package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.net.SocketAddress;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pub/sub connection of its own on which one cache hears its event channel
 * ({@code <namespace>events}) and the expirations of its own keys: a pattern subscription to
 * {@code __keyspace@<db>__:<namespace>*}, so Redis sends each cache only its own expirations.
 * Expirations need {@code notify-keyspace-events} to hold {@code K} and {@code x}: it is checked,
 * and set with {@code CONFIG SET} when missing, at start and after every reconnection (a restarted
 * Redis forgets it); a refusal is logged once as a warning. Lettuce subscribes again by itself
 * after a reconnection; messages published meanwhile are lost.
 */
final class EventSubscription extends EventInbox
    implements RedisConnectionStateListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventSubscription.class);
  private static final String NOTIFY = KeyspaceNotifications.NOTIFY;
  private static final long RETRY_MILLIS = 100;

  private final StatefulRedisPubSubConnection<byte[], byte[]> connection;
  private final RedisConnection commands;
  private final ClientResources resources;
  private volatile boolean refusalLogged;
  private volatile boolean closed;

  private EventSubscription(StatefulRedisPubSubConnection<byte[], byte[]> connection, RedisConnection commands,
                            ClientResources resources, String namespace, int database, Consumer<byte[]> onEvent,
                            Consumer<byte[]> onExpired) {
    super(namespace, database, onEvent, onExpired);
    this.connection = connection;
    this.commands = commands;
    this.resources = resources;
  }

  /**
   * Subscribes {@code connection}, which this object owns from now on, and waits for the
   * subscription within the command timeout.
   *
   * @param commands  the cache's regular connection, for {@code CONFIG}
   * @param namespace the cache's key namespace (no glob characters: {@link KeyCodec} escapes them)
   */
  static EventSubscription start(StatefulRedisPubSubConnection<byte[], byte[]> connection, RedisConnection commands,
                                 ClientResources resources, String namespace, int database,
                                 Consumer<byte[]> onEvent, Consumer<byte[]> onExpired) {
    EventSubscription subscription = new EventSubscription(connection, commands, resources, namespace, database,
        onEvent, onExpired);
    connection.addListener((RedisPubSubAdapter<byte[], byte[]>) subscription);
    connection.addListener((RedisConnectionStateListener) subscription);
    try {
      commands.await(connection.async().subscribe(subscription.eventChannel), "SUBSCRIBE");
      commands.await(connection.async().psubscribe(subscription.keyspacePattern), "PSUBSCRIBE");
      commands.await(subscription.ensureNotifications(), "CONFIG " + NOTIFY);
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
    return subscription;
  }

  /** Turns expiration notifications on if they are off; completes normally even when refused. */
  private CompletionStage<Void> ensureNotifications() {
    return KeyspaceNotifications.ensure(commands.commands(), this::refused);
  }

  private void refused(Throwable cause) {
    if (!refusalLogged) {
      refusalLogged = true;
      LOG.warn("Cannot check or turn on {} at {} for the events of {} ({}): expirations are heard only if the "
          + "Redis configuration has 'K' and 'x' in it", NOTIFY, commands.maskedUri(),
          channelName(), cause.getMessage());
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
