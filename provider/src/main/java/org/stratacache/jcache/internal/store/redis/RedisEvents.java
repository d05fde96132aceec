package org.stratacache.jcache.internal.store.redis;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.cache.event.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.store.RemoteEvents;
import org.stratacache.jcache.store.StoreAccessException;

/**
 * The events of one Redis cache shared between JVMs over Redis pub/sub. A write goes out as one
 * {@code PUBLISH} on {@code <prefix>:<cache>:events}, sent on the cache's regular connection right
 * after the write's reply and never awaited, so it adds no round trip to the writer. Incoming
 * messages of this cache's own origin are skipped (its listeners heard them locally); expirations
 * come from Redis keyspace notifications, filtered to the cache's namespace, and carry no values.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
final class RedisEvents<K, V> implements RemoteEvents<K, V> {

  private static final Logger LOG = LoggerFactory.getLogger(RedisEvents.class);
  private static final long RETRY_SECONDS = 1;

  private final String cacheName;
  private final Supplier<RedisConnection> connect;
  private final KeyCodec<K> keys;
  private final StoredValues<K, V> values;
  private final byte[] channel;
  private final long origin = UUID.randomUUID().getLeastSignificantBits();
  private final Function<RedisEvents<K, V>, AutoCloseable> subscriber;
  private final boolean failFast;
  private final Executor background;
  private volatile RedisConnection redis;
  private volatile Receiver<K, V> receiver;
  private volatile AutoCloseable subscription;
  private volatile boolean closed;

  /**
   * Events of one cache.
   *
   * @param values     the cache's stored form, shared with its store so that an event reuses its write's bytes
   * @param connect    the cache's regular connection, to publish on; throws {@link StoreAccessException}
   *                   when Redis is away
   * @param subscriber opens the subscription that feeds {@link #onEvent} and {@link #onExpired}
   * @param failFast   whether {@link #start} fails when Redis is away, rather than trying again in the
   *                   background (as the {@code fail} resilience policy wants)
   * @param background runs the attempts to connect later
   */
  RedisEvents(StoredValues<K, V> values, Supplier<RedisConnection> connect,
              Function<RedisEvents<K, V>, AutoCloseable> subscriber, boolean failFast, Executor background) {
    this.cacheName = values.cacheName();
    this.connect = connect;
    this.failFast = failFast;
    this.background = background;
    this.keys = values.keys();
    this.values = values;
    this.channel = EventInbox.channel(keys.namespace()).getBytes(StandardCharsets.UTF_8);
    this.subscriber = subscriber;
  }

  @Override
  public void publish(EventType type, K key, V value, V oldValue) {
    RedisConnection connection = redis;
    if (connection == null) {
      return;  // not connected yet: nobody could hear it anyway
    }
    byte[] message;
    try {
      byte[] newBytes = value == null ? null : values.eventBytes(value);  // first, as the write kept it first
      byte[] oldBytes = oldValue == null ? null : values.eventBytes(oldValue);
      message = new EventMessage(origin, type, keys.encode(key), newBytes, oldBytes).encode();
    } catch (CodecException e) {
      LOG.warn("Cannot tell other JVMs of {} of key '{}' in cache '{}': {}", type, key, cacheName, e.getMessage());
      return;
    }
    connection.commands().publish(channel, message).whenComplete((receivers, failure) -> {
      if (failure != null) {
        LOG.debug("Lost the {} event of key '{}' in cache '{}': {}", type, key, cacheName, failure.getMessage());
      }
    });
  }

  /**
   * Connects and subscribes; when Redis is away, fails or (not {@code failFast}) tries again every
   * {@value #RETRY_SECONDS} s in the background, dropping this cache's events until it succeeds.
   *
   * @throws StoreAccessException when Redis is away and {@code failFast}
   */
  @Override
  public void start(Receiver<K, V> events) {
    this.receiver = events;
    try {
      connect();
    } catch (StoreAccessException e) {
      if (failFast) {
        throw e;
      }
      LOG.warn("Events of cache '{}' are not shared until Redis answers: {}", cacheName, e.getMessage());
      retryLater();
    }
  }

  private synchronized void connect() {
    if (closed) {
      return;
    }
    RedisConnection connection = connect.get();
    subscription = subscriber.apply(this);
    redis = connection;
  }

  private void retryLater() {
    CompletableFuture.runAsync(() -> {
      try {
        connect();
        LOG.info("Events of cache '{}' are shared from now on", cacheName);
      } catch (StoreAccessException e) {
        LOG.debug("Events of cache '{}' still not shared: {}", cacheName, e.getMessage());
        retryLater();
      } catch (RuntimeException e) {
        LOG.error("Events of cache '{}' will not be shared: {}", cacheName, e.getMessage(), e);
      }
    }, CompletableFuture.delayedExecutor(RETRY_SECONDS, TimeUnit.SECONDS, background));
  }

  /** A message on the event channel, on the inbound pool (never a Lettuce I/O thread). */
  void onEvent(byte[] bytes) {
    Receiver<K, V> events = receiver;
    if (events == null || EventMessage.isFrom(origin, bytes)) {
      return;  // closed, or this cache's own write: its listeners heard it already
    }
    EventMessage message;
    try {
      message = EventMessage.decode(bytes);
    } catch (CodecException e) {
      LOG.warn("Ignored a message on the event channel of cache '{}': {}", cacheName, e.getMessage());
      return;
    }
    if (!events.hears(message.type())) {
      return;
    }
    K key = key(message.key());
    if (key == null) {
      return;
    }
    V value = values.eventValue(key, message.value());
    V oldValue = values.eventValue(key, message.oldValue());
    if (message.type() != EventType.REMOVED && value == null) {
      return;  // the new value cannot be read here: an event without it would be wrong
    }
    events.receive(message.type(), key, value, oldValue, oldValue != null);
  }

  /** An expired Redis key of the cache's namespace, on the inbound pool. */
  void onExpired(byte[] redisKey) {
    Receiver<K, V> events = receiver;
    if (events == null || !events.hears(EventType.EXPIRED) || !keys.inNamespace(redisKey)
        || !keys.isEntryKey(redisKey)) {
      return;
    }
    K key = key(redisKey);
    if (key != null) {
      events.receive(EventType.EXPIRED, key, null, null, false);
    }
  }

  private K key(byte[] redisKey) {
    try {
      return keys.decode(redisKey);
    } catch (CodecException e) {
      LOG.warn("Ignored an event of cache '{}' for an unreadable key {}: {}", cacheName, keys.printable(redisKey),
          e.getMessage());
      return null;
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    receiver = null;
    redis = null;
    AutoCloseable open = subscription;
    if (open != null) {
      try {
        open.close();
      } catch (Exception e) {
        LOG.debug("Closing the event subscription of cache '{}' failed: {}", cacheName, e.getMessage());
      }
    }
  }
}
