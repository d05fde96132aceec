package org.stratacache.jcache.internal.store.redis;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.stratacache.jcache.configuration.CodecSettings;
import org.stratacache.jcache.configuration.EncryptionSettings;
import org.stratacache.jcache.configuration.EventSettings;
import org.stratacache.jcache.configuration.MemorySettings;
import org.stratacache.jcache.configuration.NearCacheSettings;
import org.stratacache.jcache.configuration.RedisSettings;
import org.stratacache.jcache.configuration.ResiliencePolicy;
import org.stratacache.jcache.configuration.ResilienceSettings;
import org.stratacache.jcache.configuration.SerializationSettings;
import org.stratacache.jcache.internal.codec.DeclaredTypes;
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
import org.stratacache.jcache.store.StoreContext;
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
  /** The endpoint and stored form of each cache whose store was just created, until its remote events take them. */
  private final Map<String, HandedOver<?, ?>> handedOver = new ConcurrentHashMap<>();

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

  @Override
  public List<Class<?>> sections() {
    return List.of(RedisSettings.class, CodecSettings.class, SerializationSettings.class, EncryptionSettings.class,
        ResilienceSettings.class, NearCacheSettings.class, EventSettings.class, MemorySettings.class);
  }

  /** A store whose Redis connection is tried at once and, if the resilience policy allows, later. */
  @Override
  public <K, V> Store<K, V> createStore(StoreContext<K, V> context) {
    RedisEndpoint endpoint = RedisEndpoint.parse(context.section(RedisSettings.class));
    ResilienceSettings resilience = context.section(ResilienceSettings.class);
    String description = "Redis at " + endpoint.masked() + " (cache '" + context.cacheName() + "')";
    DeclaredTypes.check(context.cacheName(), serialization(context), context.valueType());
    boolean remoteEvents = context.section(EventSettings.class).isRemote();
    StoredValues<K, V> values = storedValues(context, endpoint.masked(), remoteEvents);
    if (remoteEvents) {
      handedOver.put(context.cacheName(), new HandedOver<>(endpoint, values));
    }
    return new ResilientStore<>(description, () -> connect(context, endpoint, values), resilience.getPolicy(),
        () -> new MemoryStore<>(resilience.getFallbackMaximumSize(), context.ticker(), context.sink()), background);
  }

  private <K, V> Store<K, V> connect(StoreContext<K, V> context, RedisEndpoint endpoint, StoredValues<K, V> values) {
    RedisConnection connection = connector.connection(endpoint);
    long bound = context.section(MemorySettings.class).getMaximumSize();
    boolean indexed = bound > 0 || (context.section(RedisSettings.class).isSizeIndex() && !endpoint.isCluster());
    SizeIndex<K> index = new SizeIndex<>(connection, values.keys(), bound, indexed, context.sink());
    RedisStore<K, V> store = new RedisStore<>(connection, values, index,
        listener -> connector.track(endpoint, values.keys().namespace(), Inbound.invalidations(inbound, listener)));
    long nearSize = context.section(NearCacheSettings.class).getMaximumSize();
    return nearSize == 0 ? store
        : new NearCacheStore<>(store, nearSize, new KryoCopier(classLoader), context.ticker());
  }

  private <K, V> StoredValues<K, V> storedValues(StoreContext<K, V> context, String maskedUri, boolean withEvents) {
    KryoSerializer serializer = new KryoSerializer(classLoader, serialization(context));
    KeyCodec<K> keys = new KeyCodec<>(context.section(RedisSettings.class).getKeyPrefix(), context.cacheName(),
        context.keyType(), serializer, context.section(MemorySettings.class).getMaximumSize() > 0);
    return new StoredValues<>(context.cacheName(), maskedUri, keys, valueCodec(context, serializer),
        context.valueType(), context.section(CodecSettings.class).getCorruptValuePolicy(), withEvents);
  }

  /** The cache's serialization settings, its declared key and value types allowed. */
  private static SerializationSettings serialization(StoreContext<?, ?> context) {
    return DeclaredTypes.allowing(context.section(SerializationSettings.class), context.keyType(),
        context.valueType());
  }

  /** Values as the serialization settings say (Kryo, sharing the keys' serializer, or JSON). */
  private <V> ValueCodec valueCodec(StoreContext<?, V> context, KryoSerializer serializer) {
    EncryptionSettings encryption = context.section(EncryptionSettings.class);
    SerializationSettings serialization = serialization(context);
    CodecSettings codec = context.section(CodecSettings.class);
    return new ValueCodec(ValueSerializers.forValues(serializer, classLoader, serialization,
        context.valueType()), serialization.limits(), codec.getCompressionThreshold(),
        codec.getCompressionLevel(), encryption == null ? null : new EncryptingCodec(encryption));
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
  public <K, V> RemoteEvents<K, V> remoteEvents(StoreContext<K, V> context) {
    String cacheName = context.cacheName();
    HandedOver<K, V> fromStore = (HandedOver<K, V>) handedOver.remove(cacheName);
    RedisEndpoint endpoint = fromStore != null ? fromStore.endpoint()
        : RedisEndpoint.parse(context.section(RedisSettings.class));
    StoredValues<K, V> values = fromStore != null ? fromStore.values()
        : storedValues(context, endpoint.masked(), false);
    String namespace = values.keys().namespace();
    return new RedisEvents<>(values, () -> connector.connection(endpoint),
        events -> connector.subscribe(endpoint, namespace, Inbound.events(inbound, cacheName, events::onEvent),
            Inbound.expirations(inbound, cacheName, events::onExpired)),
        context.section(ResilienceSettings.class).getPolicy() == ResiliencePolicy.FAIL, background);
  }

  @Override
  public boolean isolatesValues() {
    return true;
  }

  /** What a cache's store hands its remote events: the endpoint it parsed and its stored form. */
  private record HandedOver<K, V>(RedisEndpoint endpoint, StoredValues<K, V> values) {
  }
}
