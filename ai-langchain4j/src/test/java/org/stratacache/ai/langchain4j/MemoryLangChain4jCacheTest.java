package org.stratacache.ai.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import org.stratacache.ai.AIResponse;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;

/** The LangChain4j decorators on the in-memory store. */
class MemoryLangChain4jCacheTest extends LangChain4jCacheContract {

  @Override
  protected void configure(StrataConfiguration.Builder<String, AIResponse> builder) {
    builder.storeType(StoreType.MEMORY);
  }

  @Override
  protected void assertAbsent(String key) {
    assertThat(cache.containsKey(key)).as("an entry under " + key).isFalse();
  }
}
