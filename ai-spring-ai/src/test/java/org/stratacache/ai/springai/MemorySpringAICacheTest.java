package org.stratacache.ai.springai;

import static org.assertj.core.api.Assertions.assertThat;

import org.stratacache.ai.AIResponse;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;

/** The Spring AI advisor on the in-memory store. */
class MemorySpringAICacheTest extends SpringAICacheContract {

  @Override
  protected void configure(StrataConfiguration.Builder<String, AIResponse> builder) {
    builder.storeType(StoreType.MEMORY);
  }

  @Override
  protected void assertAbsent(String key) {
    assertThat(cache.containsKey(key)).as("an entry under " + key).isFalse();
  }
}
