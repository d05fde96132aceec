package org.stratacache.jcache.internal.store.redis;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.stratacache.jcache.configuration.ManagerDefaults;
import org.stratacache.jcache.configuration.RedisTlsSettings;
import org.stratacache.jcache.configuration.SerializationSettings;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.store.Store;
import org.stratacache.jcache.store.StoreContractTest;
import org.stratacache.jcache.store.StoreEventSink;

/**
 * The Store contract on a Redis deployment: subclasses say where it is and how to read a raw TTL,
 * and whether a near cache stands in front.
 */
public abstract class RedisContractSupport extends StoreContractTest {

  private static final AtomicInteger CACHES = new AtomicInteger();
  private final String prefix = RedisTesting.uniquePrefix();
  private String namespace;

  /** The Redis URI of the deployment under test. */
  protected abstract String uri();

  /** The connector the stores use. */
  protected abstract RedisConnector connector();

  /** PTTL of a raw Redis key. */
  protected abstract long pttl(byte[] key);

  /** The serialization settings of the stores (Kryo, no classes beyond the built-in ones, unless overridden). */
  protected SerializationSettings serialization() {
    return SerializationSettings.none();
  }

  /** The near cache's maximum size; {@code 0} (the default) for none. */
  protected long nearCacheMaximumSize() {
    return 0;
  }

  /** The TLS settings of the stores (the defaults unless the deployment uses TLS). */
  protected RedisTlsSettings tls() {
    return RedisTlsSettings.defaults();
  }

  @Override
  protected Store<String, String> createStore() {
    String cacheName = "contract-" + CACHES.incrementAndGet();
    namespace = prefix + ":" + cacheName + ":";
    StrataConfiguration<String, String> configuration = ManagerDefaults.of(null, name -> null, name -> null)
        .resolve(StrataConfiguration.builder(String.class, String.class)
            .storeType(StoreType.REDIS).redisUri(uri()).redisTls(tls()).keyPrefix(prefix)
            .serialization(serialization()).nearCacheMaximumSize(nearCacheMaximumSize()).build());
    return new RedisStoreProvider(connector(), getClass().getClassLoader(), Runnable::run)
        .createStore(cacheName, configuration, StoreEventSink.none());
  }

  @Override
  protected void advancePastShort() throws InterruptedException {
    Thread.sleep(SHORT + 150);
  }

  @Override
  protected long remainingMillis(String key) {
    return pttl((namespace + key).getBytes(StandardCharsets.UTF_8));
  }
}
