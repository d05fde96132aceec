package org.stratacache.jcache.internal.codec;

import java.util.Set;

/**
 * The classes that JSR-107 consumers (Spring's caching, Hibernate ORM 6's second-level cache, the
 * JSR-107 annotations) put into a cache themselves, allowed by name so that an application moving
 * to Redis allows only its own packages. Each entry is one reviewed class, never a package: each
 * holds strings, numbers, flags and the application's own values (ids, state, parameters), and
 * those values still pass the filter class by class when written and read. None of them runs code
 * of its own when read (no {@code readObject} beyond restoring its fields). Names, not classes:
 * the provider does not depend on these frameworks.
 */
final class FrameworkTypes {

  /** The allowed class names; the guide's allow-list section lists them (keep the two in step). */
  static final Set<String> ALLOWED = Set.of(
      // Spring: the key of a method with several or no parameters; Object[] params (each element filtered), int hash
      "org.springframework.cache.interceptor.SimpleKey",
      // Spring: the marker cached for a null result; a stateless singleton (readResolve returns INSTANCE)
      "org.springframework.cache.support.NullValue",
      // JSR-107 annotations (reference interceptors): Object[] parameters (each element filtered), int hash
      "org.jsr107.ri.annotations.DefaultGeneratedCacheKey",
      // Hibernate: entity/collection key without tenant; the application's id (filtered), a String name, int hash
      "org.hibernate.cache.internal.BasicCacheKeyImplementation",
      // Hibernate: entity/collection key; the application's id (filtered), String names and tenant, int hash
      "org.hibernate.cache.internal.CacheKeyImplementation",
      // Hibernate: natural-id key; the natural-id values (filtered), String names and tenant, int hash
      "org.hibernate.cache.internal.NaturalIdCacheKey",
      // Hibernate: entity entry; disassembled state as Serializable[] (elements filtered), the String subclass
      // name, the version (filtered). (Not ReferenceCacheEntryImpl: it holds an EntityPersister, never storable.)
      "org.hibernate.cache.spi.entry.StandardCacheEntryImpl",
      // Hibernate: collection entry; the disassembled elements as an Object (filtered)
      "org.hibernate.cache.spi.entry.CollectionCacheEntry",
      // the element type of the Serializable[] above: an interface, so it allows the array type and no instance
      "java.io.Serializable",
      // Hibernate: read-write access wrapper of an entry; the value and version (filtered), a long timestamp
      "org.hibernate.cache.spi.support.AbstractReadWriteAccess$Item",
      // Hibernate: read-write soft lock; longs, a UUID, an int, a boolean and the version (filtered)
      "org.hibernate.cache.spi.support.AbstractReadWriteAccess$SoftLockImpl",
      // Hibernate: query cache key; the SQL String, Integers, a String[] of filter names, the memento below
      "org.hibernate.cache.spi.QueryKey",
      // Hibernate: the query parameters inside a QueryKey; an Object[] of bound values (filtered), an int hash
      "org.hibernate.query.internal.QueryParameterBindingsImpl$ParameterBindingsMementoImpl",
      // Hibernate: query cache results; a Long timestamp and a List of rows (filtered)
      "org.hibernate.cache.internal.QueryResultsCacheImpl$CacheItem");

  private FrameworkTypes() {
  }
}
