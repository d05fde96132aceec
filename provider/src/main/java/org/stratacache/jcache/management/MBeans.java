package org.stratacache.jcache.management;

import java.lang.management.ManagementFactory;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Registers the JSR-107 MXBeans in the platform MBean server under
 * {@code javax.cache:type=<type>,CacheManager=<uri>,Cache=<name>}, where ',', ':', '=' and newlines
 * in the URI and the name become '.'.
 */
public final class MBeans {

  /** The two kinds of JSR-107 MXBeans. */
  public enum Type {
    /** {@code CacheStatistics}. */
    CacheStatistics,
    /** {@code CacheConfiguration}. */
    CacheConfiguration
  }

  private MBeans() {
  }

  /** The standard object name of a cache's bean. */
  public static ObjectName objectName(Cache<?, ?> cache, Type type) {
    String name = "javax.cache:type=" + type + ",CacheManager=" + safe(cache.getCacheManager().getURI().toString())
        + ",Cache=" + safe(cache.getName());
    try {
      return new ObjectName(name);
    } catch (MalformedObjectNameException e) {
      throw new CacheException("Cache name cannot be used in a JMX object name: " + name, e);
    }
  }

  /** Registers {@code bean}, unless a bean is already registered under that name. */
  public static void register(Cache<?, ?> cache, Type type, Object bean) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = objectName(cache, type);
    try {
      if (!server.isRegistered(name)) {
        server.registerMBean(bean, name);
      }
    } catch (InstanceAlreadyExistsException ignored) {
      // another thread registered it first: nothing to do
    } catch (JMException e) {
      throw new CacheException("Could not register " + name, e);
    }
  }

  /** Unregisters the bean, if registered. */
  public static void unregister(Cache<?, ?> cache, Type type) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = objectName(cache, type);
    try {
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
    } catch (InstanceNotFoundException ignored) {
      // another thread unregistered it first: nothing to do
    } catch (JMException e) {
      throw new CacheException("Could not unregister " + name, e);
    }
  }

  private static String safe(String value) {
    return value == null ? "" : value.replaceAll("[,:=\n]", ".");
  }
}
