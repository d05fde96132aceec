package org.stratacache.examples;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.integration.CacheLoader;
import javax.cache.spi.CachingProvider;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;

/**
 * A tour of Strata Cache through the standard API: cache-aside, read-through, expiry, a size bound,
 * and statistics read back over JMX. It runs on the in-memory default, or on Redis when
 * {@code REDIS_URL} is set; each scenario says which store it uses, and every cache it made is
 * destroyed at the end, so nothing is left in Redis and a second run prints the same figures.
 */
public final class CacheDemo {

  private static final int REQUESTS = 20_000;
  private static final int PRODUCTS = 2_000;
  private static final long DB_LATENCY_MICROS = 200;

  private final PrintStream out;

  CacheDemo(PrintStream out) {
    this.out = out;
  }

  /** Runs the tour and prints what happened. */
  public static void main(String[] args) throws Exception {
    new CacheDemo(System.out).run();
  }

  void run() throws Exception {
    CachingProvider provider = Caching.getCachingProvider();
    out.printf("Provider: %s (found through META-INF/services)%n", provider.getClass().getName());
    CacheManager manager = provider.getCacheManager();
    Stores stores = new Stores(manager, out);
    try {
      cacheAside(stores);
      readThrough(stores);
      expiry(stores);
      boundedCache(stores);
      new AiScenario(out).run(stores);
    } finally {
      stores.destroyAll();
      manager.close();
    }
  }

  private void cacheAside(Stores stores) throws Exception {
    out.println();
    out.println("== 1. Cache-aside: the application checks the cache, then the database");
    Cache<Integer, String> products = stores.create("products",
        new MutableConfiguration<Integer, String>().setTypes(Integer.class, String.class).setStatisticsEnabled(true));
    ProductRepository db = new ProductRepository(DB_LATENCY_MICROS);
    Workload workload = new Workload(42, PRODUCTS);
    long start = System.nanoTime();
    for (int i = 0; i < REQUESTS; i++) {
      int id = workload.next();
      String product = products.get(id);
      if (product == null) {
        product = db.find(id);
        products.put(id, product);
      }
    }
    long cachedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    long uncachedMillis = TimeUnit.MICROSECONDS.toMillis(REQUESTS * DB_LATENCY_MICROS);
    out.printf("%,d requests over %,d products: %,d database reads instead of %,d%n",
        REQUESTS, PRODUCTS, db.reads(), REQUESTS);
    out.printf("time: %,d ms with the cache, about %,d ms without%n", cachedMillis, uncachedMillis);
    printStatistics(products);
  }

  private void readThrough(Stores stores) throws Exception {
    out.println();
    out.println("== 2. Read-through: the cache loads misses itself through a CacheLoader");
    ProductRepository db = new ProductRepository(DB_LATENCY_MICROS);
    ProductLoader loader = new ProductLoader(db);
    Factory<CacheLoader<Integer, String>> loaderFactory = () -> loader;
    Cache<Integer, String> catalog = stores.create("catalog", new MutableConfiguration<Integer, String>()
        .setTypes(Integer.class, String.class)
        .setReadThrough(true)
        .setCacheLoaderFactory(loaderFactory)
        .setStatisticsEnabled(true));
    out.printf("get(7)          -> %s%n", catalog.get(7));
    catalog.get(7);
    out.printf("get(7) again    -> served from the cache; database reads so far: %d%n", db.reads());
    out.printf("getAll(1,2,3,7) -> %d entries, only the 3 missing ones loaded; database reads: %d%n",
        catalog.getAll(Set.of(1, 2, 3, 7)).size(), db.reads());
    printStatistics(catalog);
  }

  private void expiry(Stores stores) {
    out.println();
    out.println("== 3. Expiry: sessions live 500 ms after creation");
    Cache<String, String> sessions = stores.create("sessions",
        StrataConfiguration.builder(String.class, String.class)
            .expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, 500)))
            .build());
    sessions.put("session-1", "user=alice");
    out.printf("right after put: %s%n", sessions.get("session-1"));
    sleep(700);
    out.printf("700 ms later:    %s (expired)%n", sessions.get("session-1"));
  }

  private void boundedCache(Stores stores) throws Exception {
    out.println();
    out.println("== 4. A bounded cache: at most 1,000 entries, the least valuable evicted (W-TinyLFU)");
    // the size bound with W-TinyLFU eviction belongs to the in-memory store, so this cache stays in memory
    Cache<Integer, String> recent = stores.create("recent",
        StrataConfiguration.builder(Integer.class, String.class)
        .storeType(StoreType.MEMORY)
        .maximumSize(1_000)
        .statisticsEnabled(true)
        .build());
    for (int i = 0; i < 5_000; i++) {
      recent.put(i, "value-" + i);
    }
    int held = 0;
    for (Cache.Entry<Integer, String> ignored : recent) {
      held++;
    }
    out.printf("5,000 puts -> %,d entries held, %s evictions counted%n", held,
        attribute(recent, "CacheEvictions"));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void printStatistics(Cache<?, ?> cache) throws Exception {
    out.printf("JMX %s: hits=%s misses=%s hit%%=%.1f puts=%s avgGet=%.2f µs%n",
        objectName(cache), attribute(cache, "CacheHits"), attribute(cache, "CacheMisses"),
        (Float) attribute(cache, "CacheHitPercentage"), attribute(cache, "CachePuts"),
        (Float) attribute(cache, "AverageGetTime"));
  }

  private static Object attribute(Cache<?, ?> cache, String name) throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    return server.getAttribute(objectName(cache), name);
  }

  private static ObjectName objectName(Cache<?, ?> cache) throws Exception {
    String manager = cache.getCacheManager().getURI().toString().replaceAll("[,:=\n]", ".");
    return new ObjectName("javax.cache:type=CacheStatistics,CacheManager=" + manager + ",Cache=" + cache.getName());
  }
}
