package org.stratacache.jcache.internal.store.redis;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.stratacache.jcache.configuration.EncryptionSettings;
import org.stratacache.jcache.configuration.RedisTlsSettings;
import org.stratacache.jcache.configuration.RedisUris;
import org.stratacache.jcache.configuration.ResiliencePolicy;
import org.stratacache.jcache.configuration.SerializationSettings;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.internal.codec.EncryptingCodec;
import org.stratacache.jcache.internal.codec.KryoSerializer;
import org.stratacache.jcache.internal.codec.ValueCodec;
import org.stratacache.jcache.internal.codec.ValueSerializers;
import org.stratacache.jcache.internal.concurrent.OrderedExecutor;
import org.stratacache.jcache.internal.copy.KryoCopier;
import org.stratacache.jcache.internal.store.memory.MemoryStore;
import org.stratacache.jcache.internal.store.near.NearCacheStore;
import org.stratacache.jcache.internal.store.resilience.ResilientStore;
import org.stratacache.jcache.store.RemoteEvents;
import org.stratacache.jcache.store.Store;
import org.stratacache.jcache.store.StoreAccessException;
import org.stratacache.jcache.store.StoreEventSink;
import org.stratacache.jcache.store.StoreProvider;

/**
 * Creates {@link RedisStore}s for one cache manager over its {@link RedisConnector}. The first
 * cache on a URI opens the connection, so an unreachable Redis fails {@code createCache} within the
 * configured timeout.
 */
public final class RedisStoreProvider implements StoreProvider {

  private final RedisConnector connector;
  private final ClassLoader classLoader;
  private final Executor background;
  private final OrderedExecutor inbound;
  /** The stored form of each cache whose store was just created, until its remote events take it over. */
  private final Map<String, StoredValues<?, ?>> handedOver = new ConcurrentHashMap<>();

  /**
   * Stores over {@code connector}, deserializing with {@code classLoader}.
   *
   * @param background runs reconnection attempts of caches created while Redis was away
   * @param inbound    decodes and delivers what Redis pushes (events, invalidations), off its I/O threads
   */
  public RedisStoreProvider(RedisConnector connector, ClassLoader classLoader, Executor background,
                            OrderedExecutor inbound) {
    this.connector = connector;
    this.classLoader = classLoader;
    this.background = background;
    this.inbound = inbound;
  }

  /** Stores whose pushed messages are decoded on the thread that receives them (for tests). */
  public RedisStoreProvider(RedisConnector connector, ClassLoader classLoader, Executor background) {
    this(connector, classLoader, background, new OrderedExecutor("incoming messages", Runnable::run, 1,
        Integer.MAX_VALUE));
  }

  /** A store whose Redis connection is tried at once and, if the resilience policy allows, later. */
  @Override
  public <K, V> Store<K, V> createStore(String cacheName, StrataConfiguration<K, V> configuration,
                                        StoreEventSink<K, V> sink) {
    String masked = RedisUris.mask(configuration.getRedisUri());
    String description = "Redis at " + masked + " (cache '" + cacheName + "')";
    StoredValues<K, V> values = storedValues(cacheName, masked, configuration, configuration.isRemoteEvents());
    if (configuration.isRemoteEvents()) {
      handedOver.put(cacheName, values);
    }
    return new ResilientStore<>(description, () -> connect(configuration, values),
        configuration.getResiliencePolicy(),
        () -> new MemoryStore<>(configuration.getFallbackMaximumSize(), configuration.getTicker(), sink), background);
  }

  private <K, V> Store<K, V> connect(StrataConfiguration<K, V> configuration, StoredValues<K, V> values) {
    RedisConnection connection = connector.connection(configuration.getRedisUri(), configuration.getRedisTls(),
        configuration.getRedisTimeout());
    String uri = configuration.getRedisUri();
    RedisStore<K, V> store = new RedisStore<>(connection, values,
        listener -> connector.track(uri, configuration.getRedisTls(), configuration.getRedisTimeout(),
            values.keys().namespace(), Inbound.invalidations(inbound, listener)));
    long nearSize = configuration.getNearCacheMaximumSize();
    return nearSize == 0 ? store
        : new NearCacheStore<>(store, nearSize, new KryoCopier(classLoader), configuration.getTicker());
  }

  private <K, V> StoredValues<K, V> storedValues(String cacheName, String maskedUri,
                                                  StrataConfiguration<K, V> configuration, boolean withEvents) {
    KryoSerializer serializer = new KryoSerializer(classLoader, configuration.getSerialization());
    KeyCodec<K> keys = new KeyCodec<>(configuration.getKeyPrefix(), cacheName, configuration.getKeyType(), serializer);
    return new StoredValues<>(cacheName, maskedUri, keys, valueCodec(configuration, serializer),
        configuration.getValueType(), configuration.getCorruptValuePolicy(), withEvents);
  }

  /** Values as the serialization settings say (Kryo, sharing the keys' serializer, or JSON). */
  private ValueCodec valueCodec(StrataConfiguration<?, ?> configuration, KryoSerializer serializer) {
    EncryptionSettings encryption = configuration.getEncryption();
    SerializationSettings serialization = configuration.getSerialization();
    return new ValueCodec(ValueSerializers.forValues(serializer, classLoader, serialization,
        configuration.getValueType()), serialization.limits(), configuration.getCompressionThreshold(),
        configuration.getCompressionLevel(), encryption == null ? null : new EncryptingCodec(encryption));
  }

  /**
   * Events shared over Redis pub/sub, encoded by the cache's store's {@link StoredValues} (so an event
   * reuses the bytes of its write). When
   * Redis is away they are shared once it answers, unless the resilience policy is {@code fail}.
   *
   * @throws StoreAccessException (when started) if Redis cannot be reached and the policy is {@code fail}
   */
  @Override
  @SuppressWarnings("unchecked")
  public <K, V> RemoteEvents<K, V> remoteEvents(String cacheName, StrataConfiguration<K, V> configuration) {
    String uri = configuration.getRedisUri();
    Duration timeout = configuration.getRedisTimeout();
    StoredValues<K, V> storeValues = (StoredValues<K, V>) handedOver.remove(cacheName);
    StoredValues<K, V> values = storeValues != null ? storeValues
        : storedValues(cacheName, RedisUris.mask(uri), configuration, false);
    String namespace = values.keys().namespace();
    RedisTlsSettings tls = configuration.getRedisTls();
    return new RedisEvents<>(values, () -> connector.connection(uri, tls, timeout),
        events -> connector.subscribe(uri, tls, timeout, namespace,
            Inbound.events(inbound, cacheName, events::onEvent), Inbound.expirations(inbound, cacheName,
                events::onExpired)),
        configuration.getResiliencePolicy() == ResiliencePolicy.FAIL, background);
  }

  @Override
  public boolean isolatesValues() {
    return true;
  }
}
