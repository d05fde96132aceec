package org.stratacache.integration.spring;

import java.util.Map;

/** Spring's JSR-107 annotation support on Strata's in-memory store, configured by a YAML file. */
class MemoryCachingTest extends CachingScenarios {

  @Override
  Map<String, Object> environment() {
    return Map.of("cache.config", "classpath:strata-spring-memory.yaml");
  }
}
