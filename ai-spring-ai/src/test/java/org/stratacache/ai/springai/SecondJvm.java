package org.stratacache.ai.springai;

import java.net.URI;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.springframework.ai.chat.client.ChatClient;
import org.stratacache.ai.AIResponseCache;
import org.stratacache.ai.AIResponseCacheConfiguration;

/**
 * Run in a child JVM by the Redis test: asks the contract's prompt through a fresh model and client
 * on the same Redis and prefix, prints the answer, and exits with how many times its model was called.
 */
public final class SecondJvm {

  private SecondJvm() {
  }

  public static void main(String[] args) {
    ScriptedChatModel model = new ScriptedChatModel();
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("test:second-jvm"),
        SecondJvm.class.getClassLoader())) {
      AIResponseCache ai = manager.createCache("answers", AIResponseCacheConfiguration.builder()
          .cache(builder -> builder.redisUri(args[0]).keyPrefix(args[1])).build()).unwrap(AIResponseCache.class);
      ChatClient client = ChatClient.builder(model).defaultAdvisors(AICacheAdvisor.builder(ai).build()).build();
      System.out.println("answer: " + SpringAICacheContract.prompt(client).call().content());
    }
    System.out.flush();
    System.exit(model.calls.get());
  }
}
