package org.stratacache.integration.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** What hibernate.javax.cache.missing_cache_strategy does when the Strata file declares no region. */
class MissingCacheStrategyTest {

  private static final String UNDECLARED = "strata-hibernate-undeclared.yaml";

  @Test
  void failRefusesToStartOnAnUndeclaredRegion() {
    assertThatThrownBy(() -> SessionFactories.open(UNDECLARED, "fail", "fail-" + UUID.randomUUID(), true))
        .hasStackTraceContaining("On-the-fly creation of JCache Cache objects is not supported");
  }

  @Test
  void createMakesEveryRegionHibernateAsksFor() {
    try (SessionFactory sessionFactory = SessionFactories.open(UNDECLARED, "create", "create-" + UUID.randomUUID(),
        true)) {
      assertThat(SessionFactories.cacheManager(sessionFactory).getCacheNames())
          .containsExactlyInAnyOrderElementsOf(SessionFactories.REGIONS);
    }
  }
}
