package org.stratacache.integration.hibernate;

import java.util.List;
import javax.cache.CacheManager;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cache.jcache.internal.JCacheRegionFactory;
import org.hibernate.cache.spi.RegionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/** Native Hibernate bootstrap with the JCache second-level cache on Strata, named by a configuration file. */
final class SessionFactories {

  /** The regions Hibernate 6.6 asks the cache manager for, with the entities of this module. */
  static final List<String> REGIONS = List.of(Author.class.getName(), Book.class.getName(),
      Author.class.getName() + ".books", "default-query-results-region", "default-update-timestamps-region");

  private SessionFactories() {
  }

  /**
   * A session factory on the H2 in-memory database {@code database}.
   *
   * @param cacheUri        hibernate.javax.cache.uri: a class path resource name or a file: URI
   * @param missingCaches   hibernate.javax.cache.missing_cache_strategy: fail, create or create-warn
   * @param createSchema    whether to create the tables (the first factory on a database) or use them
   */
  static SessionFactory open(String cacheUri, String missingCaches, String database, boolean createSchema) {
    StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
        .applySetting("hibernate.connection.url", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1")
        .applySetting("hibernate.connection.username", "sa")
        .applySetting("hibernate.hbm2ddl.auto", createSchema ? "create" : "none")
        // tag::hibernate-settings[]
        .applySetting("hibernate.cache.use_second_level_cache", "true")
        .applySetting("hibernate.cache.use_query_cache", "true")
        .applySetting("hibernate.cache.region.factory_class", "jcache")
        .applySetting("hibernate.javax.cache.provider", "org.stratacache.jcache.spi.StrataCachingProvider")
        .applySetting("hibernate.javax.cache.uri", cacheUri)
        .applySetting("hibernate.javax.cache.missing_cache_strategy", missingCaches)
        // end::hibernate-settings[]
        .applySetting("hibernate.generate_statistics", "true")
        .build();
    try {
      return new MetadataSources(registry).addAnnotatedClass(Author.class).addAnnotatedClass(Book.class)
          .buildMetadata().buildSessionFactory();
    } catch (RuntimeException e) {
      StandardServiceRegistryBuilder.destroy(registry);
      throw e;
    }
  }

  /** The JCache manager Hibernate's region factory obtained from Strata. */
  static CacheManager cacheManager(SessionFactory sessionFactory) {
    RegionFactory regionFactory = sessionFactory.unwrap(SessionFactoryImplementor.class).getCache()
        .getRegionFactory();
    return ((JCacheRegionFactory) regionFactory).getCacheManager();
  }
}
