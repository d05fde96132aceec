package org.stratacache.tck;

import org.junit.runner.Description;
import org.junit.runner.notification.RunListener;
import org.stratacache.jcache.configuration.ManagerDefaults;
import org.stratacache.jcache.testing.RedisServer;

/**
 * Makes Redis the default store before the TCK runs, the way an application would: by naming a
 * Redis URI in the {@code strata.redis.uri} setting (here a server of its own on a free loopback
 * port, or {@code REDIS_URL}) and allowing the packages of the TCK's value classes to be
 * serialized. The TCK itself is not touched.
 */
public final class RedisStoreListener extends RunListener {

  @Override
  public void testRunStarted(Description description) {
    System.setProperty(ManagerDefaults.REDIS_URI, RedisServer.sharedUri());
    System.setProperty(ManagerDefaults.ALLOWED_PACKAGES, "org.jsr107.tck,domain,manager");
  }
}
