package org.stratacache.jcache.testing;

import org.junit.runner.Description;
import org.junit.runner.notification.RunListener;
import org.stratacache.jcache.configuration.ManagerDefaults;

/**
 * Makes Redis the default store before a JUnit 4 suite (the TCK's) runs, the way an application
 * would: by naming a Redis URI in the {@code strata.redis-uri} setting (here a server of its own on
 * a free loopback port, or {@code REDIS_URL}) and allowing the packages the suite's values come
 * from, listed in the {@code strata.test.allowed-packages} system property. The suite itself is
 * not touched.
 */
public final class RedisDefaultStoreListener extends RunListener {

  @Override
  public void testRunStarted(Description description) {
    System.setProperty(ManagerDefaults.REDIS_URI, RedisServer.sharedUri());
    String packages = System.getProperty("strata.test.allowed-packages");
    if (packages != null) {
      System.setProperty(ManagerDefaults.ALLOWED_PACKAGES, packages);
    }
  }
}
