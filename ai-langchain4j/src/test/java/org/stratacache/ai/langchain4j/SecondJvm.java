package org.stratacache.ai.langchain4j;

import java.net.URI;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.stratacache.ai.AIResponseCache;
import org.stratacache.ai.AIResponseCacheConfiguration;

/**
 * Run in a child JVM by the Redis test: asks the contract's prompt through a fresh model on the
 * same Redis and prefix, prints the answer, and exits with how many times its model was called.
 */
public final class SecondJvm {

  private SecondJvm() {
  }

  public static void main(String[] args) {
    String redisUri = args[0];
    String prefix = args[1];
    ScriptedChatModel model = new ScriptedChatModel();
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("test:second-jvm"),
        SecondJvm.class.getClassLoader())) {
      AIResponseCache ai = manager.createCache("answers", AIResponseCacheConfiguration.builder()
          .cache(builder -> builder.redisUri(redisUri).keyPrefix(prefix)).build()).unwrap(AIResponseCache.class);
      System.out.println("answer: " + CachingChatModel.wrap(model, ai).chat(LangChain4jCacheContract.prompt())
          .aiMessage().text());
    }
    System.out.flush();
    System.exit(model.calls.get());
  }
}
