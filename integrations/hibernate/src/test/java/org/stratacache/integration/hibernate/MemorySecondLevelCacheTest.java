package org.stratacache.integration.hibernate;

/** Hibernate's second-level cache on Strata's in-memory store, every region declared in a class path YAML file. */
class MemorySecondLevelCacheTest extends SecondLevelCacheScenarios {

  @Override
  String cacheUri() {
    return "strata-hibernate-memory.yaml";
  }
}
