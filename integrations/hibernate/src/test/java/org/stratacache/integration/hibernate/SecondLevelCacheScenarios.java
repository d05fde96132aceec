package org.stratacache.integration.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.configuration.CompleteConfiguration;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Entity, collection and query caching with READ_WRITE regions, checked through Hibernate's statistics. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecondLevelCacheScenarios {

  static final String AUTHOR = Author.class.getName();
  static final String BOOKS = AUTHOR + ".books";
  static final String BY_NAME = "select a from Author a where a.name = :name";

  final String database = "hibernate-" + UUID.randomUUID();
  SessionFactory sessionFactory;
  Statistics statistics;

  /** hibernate.javax.cache.uri of the session factory under test. */
  abstract String cacheUri();

  @BeforeAll
  void openSessionFactory() {
    sessionFactory = SessionFactories.open(cacheUri(), "fail", database, true);
    statistics = sessionFactory.getStatistics();
  }

  @AfterAll
  void closeSessionFactory() {
    if (sessionFactory != null) {
      sessionFactory.close();
    }
  }

  @BeforeEach
  void emptyCachesAndStatistics() {
    sessionFactory.getCache().evictAllRegions();
    statistics.clear();
  }

  Long saveAuthor(String name, String... titles) {
    Long id = sessionFactory.fromTransaction(session -> {
      Author author = new Author(name);
      session.persist(author);
      for (String title : titles) {
        session.persist(new Book(title, author));
      }
      return author.getId();
    });
    sessionFactory.getCache().evictAllRegions();
    statistics.clear();
    return id;
  }

  Author find(Long id) {
    return sessionFactory.fromSession(session -> session.find(Author.class, id));
  }

  List<Author> byName(String name) {
    return sessionFactory.fromSession(session -> session.createSelectionQuery(BY_NAME, Author.class)
        .setParameter("name", name).setCacheable(true).getResultList());
  }

  @Test
  void declaredCachesAreFoundByName() {
    CacheManager manager = SessionFactories.cacheManager(sessionFactory);
    assertThat(manager.getCacheNames()).containsExactlyInAnyOrderElementsOf(SessionFactories.REGIONS);
    for (String region : SessionFactories.REGIONS) {
      Cache<Object, Object> cache = manager.getCache(region);
      @SuppressWarnings("unchecked")
      CompleteConfiguration<Object, Object> configuration = cache.getConfiguration(CompleteConfiguration.class);
      assertThat(configuration.isStatisticsEnabled()).as("%s is the cache the file declares", region).isTrue();
    }
  }

  @Test
  void secondLoadInANewSessionIsASecondLevelCacheHit() {
    Long id = saveAuthor("Ada");
    assertThat(find(id).getName()).isEqualTo("Ada");
    assertThat(statistics.getEntityStatistics(AUTHOR).getCacheMissCount()).isEqualTo(1);
    assertThat(statistics.getEntityStatistics(AUTHOR).getCachePutCount()).isEqualTo(1);
    assertThat(statistics.getPrepareStatementCount()).isEqualTo(1);

    statistics.clear();
    assertThat(find(id).getName()).isEqualTo("Ada");
    assertThat(statistics.getEntityStatistics(AUTHOR).getCacheHitCount()).isEqualTo(1);
    assertThat(statistics.getDomainDataRegionStatistics(AUTHOR).getHitCount()).isEqualTo(1);
    assertThat(statistics.getPrepareStatementCount()).as("no SQL").isZero();
  }

  @Test
  void cachedCollectionLoadsWithoutSql() {
    Long id = saveAuthor("Grace", "Compilers", "COBOL");
    List<String> titles = sessionFactory.fromSession(session -> titles(session.find(Author.class, id)));
    assertThat(statistics.getCollectionStatistics(BOOKS).getCachePutCount()).isEqualTo(1);

    statistics.clear();
    List<String> again = sessionFactory.fromSession(session -> titles(session.find(Author.class, id)));
    assertThat(again).containsExactlyInAnyOrderElementsOf(titles).hasSize(2);
    assertThat(statistics.getCollectionStatistics(BOOKS).getCacheHitCount()).isEqualTo(1);
    assertThat(statistics.getEntityStatistics(Book.class.getName()).getCacheHitCount()).isEqualTo(2);
    assertThat(statistics.getPrepareStatementCount()).as("no SQL").isZero();
  }

  private static List<String> titles(Author author) {
    return author.getBooks().stream().map(Book::getTitle).toList();
  }

  @Test
  void cachedQueryRunTwiceIsAQueryCacheHit() {
    Long id = saveAuthor("Barbara");
    assertThat(byName("Barbara")).extracting(Author::getId).containsExactly(id);
    assertThat(statistics.getQueryCacheMissCount()).isEqualTo(1);
    assertThat(statistics.getQueryCachePutCount()).isEqualTo(1);

    statistics.clear();
    assertThat(byName("Barbara")).extracting(Author::getId).containsExactly(id);
    assertThat(statistics.getQueryCacheHitCount()).isEqualTo(1);
    assertThat(statistics.getQueryStatistics(BY_NAME).getCacheHitCount()).isEqualTo(1);
    assertThat(statistics.getPrepareStatementCount()).as("ids from the query cache, authors from theirs")
        .isZero();
  }

  @Test
  void updateThroughHibernateIsSeenByTheNextSession() {
    Long id = saveAuthor("Edsger");
    find(id);
    assertThat(byName("Edsger")).hasSize(1);

    sessionFactory.inTransaction(session -> session.find(Author.class, id).setName("Tony"));
    statistics.clear();
    assertThat(find(id).getName()).isEqualTo("Tony");
    assertThat(statistics.getEntityStatistics(AUTHOR).getCacheHitCount())
        .as("READ_WRITE puts the new state after the commit").isEqualTo(1);
    assertThat(statistics.getPrepareStatementCount()).isZero();

    assertThat(byName("Edsger")).as("the update timestamps made the cached result stale").isEmpty();
    assertThat(statistics.getQueryCacheHitCount()).isZero();
    assertThat(byName("Tony")).extracting(Author::getId).containsExactly(id);
  }
}
