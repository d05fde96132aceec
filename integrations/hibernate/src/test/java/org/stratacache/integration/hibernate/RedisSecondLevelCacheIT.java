package org.stratacache.integration.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.stratacache.testing.redis.RedisServer;

/** The same scenarios on Strata's Redis store, and a second session factory that shares the entries through Redis. */
class RedisSecondLevelCacheIT extends SecondLevelCacheScenarios {

  private final String prefix = "hibernate-it-" + UUID.randomUUID();

  @Override
  String cacheUri() {
    return configurationFile().toUri().toString();
  }

  /**
   * strata-hibernate-redis.yaml with this run's Redis URI and key prefix in front, as a file of its
   * own: each call gives a new file, so a new manager URI and a new cache manager.
   */
  private Path configurationFile() {
    try (InputStream template = getClass().getResourceAsStream("/strata-hibernate-redis.yaml")) {
      String yaml = "redis-uri: " + RedisServer.sharedUri() + "\nkey-prefix: " + prefix + "\n"
          + new String(template.readAllBytes(), StandardCharsets.UTF_8);
      Path file = Files.createTempFile("strata-hibernate-", ".yaml");
      file.toFile().deleteOnExit();
      return Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void anotherSessionFactoryOnTheSameRedisHitsWhatTheFirstCached() {
    Long id = saveAuthor("Margaret", "Apollo");
    sessionFactory.inSession(session -> session.find(Author.class, id).getBooks().size());
    assertThat(statistics.getEntityStatistics(AUTHOR).getCachePutCount()).isEqualTo(1);

    try (SessionFactory other = SessionFactories.open(cacheUri(), "fail", database, false)) {
      assertThat(SessionFactories.cacheManager(other)).isNotSameAs(SessionFactories.cacheManager(sessionFactory));
      Statistics otherStatistics = other.getStatistics();
      Author author = other.fromSession(session -> {
        Author found = session.find(Author.class, id);
        found.getBooks().size();
        return found;
      });
      assertThat(author.getName()).isEqualTo("Margaret");
      assertThat(author.getBooks()).extracting(Book::getTitle).containsExactly("Apollo");
      assertThat(otherStatistics.getEntityStatistics(AUTHOR).getCacheHitCount()).isEqualTo(1);
      assertThat(otherStatistics.getCollectionStatistics(BOOKS).getCacheHitCount()).isEqualTo(1);
      assertThat(otherStatistics.getPrepareStatementCount()).as("everything came from Redis").isZero();

      other.inTransaction(session -> session.find(Author.class, id).setName("Hamilton"));
    }
    statistics.clear();
    assertThat(find(id).getName()).as("the other factory's update reached Redis").isEqualTo("Hamilton");
    assertThat(statistics.getEntityStatistics(AUTHOR).getCacheHitCount()).isEqualTo(1);
    assertThat(statistics.getPrepareStatementCount()).isZero();
  }
}
