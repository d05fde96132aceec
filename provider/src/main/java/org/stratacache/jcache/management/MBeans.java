package org.stratacache.jcache.management;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.JMRuntimeException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Registers the JSR-107 MXBeans in the platform MBean server under
 * {@code javax.cache:type=<type>,CacheManager=<uri>,Cache=<name>} (Strata's own under
 * {@code org.stratacache:type=StoreStatistics,...}), where ',', ':', '=' and newlines
 * in the URI become '.' (as the JSR-107 TCK expects). A cache name is used as it is when it is a
 * legal unquoted JMX value, and quoted ({@link ObjectName#quote}) otherwise, so that two distinct
 * names ({@code a,b} and {@code a.b}) never share a bean name.
 *
 * <p>A cache unregisters only the beans it registered itself: a name taken by another bean (of
 * another manager with the same URI in another class loader, or of someone else) makes
 * registration fail rather than be shared.
 */
public final class MBeans {

  /** The caches that registered each bean name, so one cache never unregisters another's bean; guarded by itself. */
  private static final Map<ObjectName, Cache<?, ?>> OWNERS = new HashMap<>();

  /** The two kinds of JSR-107 MXBeans, and Strata's store figures (in the {@code org.stratacache} domain). */
  public enum Type {
    /** {@code CacheStatistics}. */
    CacheStatistics("javax.cache"),
    /** {@code CacheConfiguration}. */
    CacheConfiguration("javax.cache"),
    /** {@code StoreStatistics}: {@link StoreStatisticsMXBean}. */
    StoreStatistics("org.stratacache");

    private final String domain;

    Type(String domain) {
      this.domain = domain;
    }
  }

  private MBeans() {
  }

  /** The standard object name of a cache's bean. */
  public static ObjectName objectName(Cache<?, ?> cache, Type type) {
    String name = type.domain + ":type=" + type + ",CacheManager=" + safe(cache.getCacheManager().getURI().toString())
        + ",Cache=" + value(cache.getName());
    try {
      return new ObjectName(name);
    } catch (MalformedObjectNameException e) {
      throw new CacheException("Cache name cannot be used in a JMX object name: " + name, e);
    }
  }

  /**
   * {@code name} as a JMX key value: unchanged when it is legal unquoted and not a pattern, else
   * quoted.
   */
  public static String value(String name) {
    if (name == null) {
      return "";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == ',' || c == '=' || c == ':' || c == '"' || c == '*' || c == '?' || c == '\\' || c == '\n') {
        return ObjectName.quote(name);
      }
    }
    return name;
  }

  /**
   * Registers {@code bean} for {@code cache}, unless the cache registered it already.
   *
   * @throws CacheException naming the bean when the name is taken by another bean or JMX refuses it
   */
  public static void register(Cache<?, ?> cache, Type type, Object bean) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = objectName(cache, type);
    synchronized (OWNERS) {
      if (OWNERS.get(name) == cache) {
        return;
      }
      try {
        server.registerMBean(bean, name);
        OWNERS.put(name, cache);
      } catch (InstanceAlreadyExistsException e) {
        throw new CacheException("Cannot register the " + type + " bean of cache '" + cache.getName() + "': "
            + name + " already exists (registered by another cache manager with the same URI, or by someone else)",
            e);
      } catch (JMException | JMRuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        throw new CacheException("Cannot register the " + type + " bean of cache '" + cache.getName() + "' as "
            + name + ": " + cause, e);
      }
    }
  }

  /** Unregisters the bean, if {@code cache} registered it. */
  public static void unregister(Cache<?, ?> cache, Type type) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName name = objectName(cache, type);
    synchronized (OWNERS) {
      if (OWNERS.get(name) != cache) {
        return;
      }
      OWNERS.remove(name);
      try {
        server.unregisterMBean(name);
      } catch (InstanceNotFoundException ignored) {
        // someone else unregistered it: nothing left to do
      } catch (JMException | JMRuntimeException e) {
        throw new CacheException("Could not unregister " + name, e);
      }
    }
  }

  private static String safe(String value) {
    return value == null ? "" : value.replaceAll("[,:=\n]", ".");
  }
}
