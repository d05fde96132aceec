package org.stratacache.jcache.store.redis;

import org.stratacache.jcache.codec.KryoSerializer;
import org.stratacache.jcache.codec.ValueCodec;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.store.Store;
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

  /** Stores over {@code connector}, deserializing with {@code classLoader}. */
  public RedisStoreProvider(RedisConnector connector, ClassLoader classLoader) {
    this.connector = connector;
    this.classLoader = classLoader;
  }

  @Override
  public <K, V> Store<K, V> createStore(String cacheName, StrataConfiguration<K, V> configuration,
                                        StoreEventSink<K, V> sink) {
    RedisConnection connection = connector.connection(configuration.getRedisUri(), configuration.getRedisTimeout());
    KryoSerializer serializer = new KryoSerializer(classLoader, configuration.getSerialization());
    KeyCodec<K> keys = new KeyCodec<>(configuration.getKeyPrefix(), cacheName, configuration.getKeyType(),
        serializer);
    ValueCodec values = new ValueCodec(serializer, configuration.getCompressionThreshold(),
        configuration.getCompressionLevel());
    return new RedisStore<>(cacheName, connection, keys, values, configuration.getValueType(),
        configuration.getCorruptValuePolicy());
  }

  @Override
  public boolean isolatesValues() {
    return true;
  }
}
