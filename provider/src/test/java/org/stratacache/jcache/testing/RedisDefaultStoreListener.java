package org.stratacache.jcache.testing;

import org.junit.runner.Description;
import org.junit.runner.notification.RunListener;
import org.stratacache.jcache.configuration.ManagerDefaults;
import org.stratacache.testing.redis.RedisCluster;
import org.stratacache.testing.redis.RedisServer;

/**
 * Makes Redis the default store before a JUnit 4 suite (the TCK's) runs, the way an application
 * would: by naming a Redis URI in the {@code strata.redis-uri} setting (here a server of its own on
 * a free loopback port, or {@code REDIS_URL}) and allowing the packages the suite's values come
 * from, listed in the {@code strata.test.allowed-packages} system property. The suite itself is
 * not touched. With {@code strata.test.redis-topology=cluster} the Redis is a three-master Redis
 * Cluster of its own instead.
 */
public final class RedisDefaultStoreListener extends RunListener {

  /** The system property that picks a three-master cluster ({@code cluster}) over a single server. */
  public static final String TOPOLOGY = "strata.test.redis-topology";
  private static RedisCluster cluster;

  private static synchronized String sharedCluster() {
    if (cluster == null) {
      cluster = RedisCluster.start(3);
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
    }
    return cluster.uri();
  }

  @Override
  public void testRunStarted(Description description) {
    boolean onCluster = "cluster".equals(System.getProperty(TOPOLOGY));
    System.setProperty(ManagerDefaults.REDIS_URI, onCluster ? sharedCluster() : RedisServer.sharedUri());
    String packages = System.getProperty("strata.test.allowed-packages");
    if (packages != null) {
      System.setProperty(ManagerDefaults.ALLOWED_PACKAGES, packages);
    }
  }
}
