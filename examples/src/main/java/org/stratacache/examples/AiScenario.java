package org.stratacache.examples;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import org.stratacache.ai.AIPerformanceSummary;
import org.stratacache.ai.AIResponse;
import org.stratacache.ai.AIResponseCache;
import org.stratacache.ai.AIResponseCacheConfiguration;
import org.stratacache.ai.langchain4j.CachingChatModel;

/**
 * A repeated workload of prompts against a simulated LangChain4j model, through the AI response
 * cache's LangChain4j adapter: one caching model per operation, so each answer lives its
 * operation's lifetime.
 */
final class AiScenario {

  static final int REQUESTS = 120;
  static final long MODEL_LATENCY_MILLIS = 40;

  private static final Map<String, String> INSTRUCTIONS = Map.of(
      "summarize", "Summarize the text in two sentences.",
      "sentiment", "Sentiment of the text: positive, neutral or negative?",
      "key_points", "Key points of the text, as a list.",
      "qa", "Questions a reader would ask about the text.");
  private static final List<String> OPERATIONS = List.of("summarize", "sentiment", "key_points", "qa");
  private static final List<String> DOCUMENTS = List.of(
      "Quarterly revenue grew 12% while operating costs stayed flat, driven by the new subscription tier.",
      "The support team resolved 94% of tickets within a day; customers still ask for weekend coverage.",
      "Our migration to the new data center finished two weeks early and under budget.",
      "Users report the mobile app logs them out after every update, which hurts retention.",
      "The board approved the hiring plan for three new engineering teams in Lisbon.");

  private final PrintStream out;

  AiScenario(PrintStream out) {
    this.out = out;
  }

  void run(Stores stores) {
    out.println();
    out.println("== 5. AI response cache: " + REQUESTS + " requests, " + DOCUMENTS.size() * OPERATIONS.size()
        + " distinct prompts, a model that takes " + MODEL_LATENCY_MILLIS + " ms, through the LangChain4j adapter");
    Cache<String, AIResponse> cache = stores.create("ai-responses", AIResponseCacheConfiguration.builder()
        .costPerThousandTokens(0.002).build());
    AIResponseCache ai = cache.unwrap(AIResponseCache.class);
    SimulatedModel model = new SimulatedModel(MODEL_LATENCY_MILLIS);
    Map<String, ChatModel> cachingModels = new LinkedHashMap<>();
    for (String operation : OPERATIONS) {
      cachingModels.put(operation, CachingChatModel.wrap(model, ai, operation));
    }
    SplittableRandom random = new SplittableRandom(7);
    long start = System.nanoTime();
    for (int i = 0; i < REQUESTS; i++) {
      String document = DOCUMENTS.get(random.nextInt(DOCUMENTS.size()));
      String operation = OPERATIONS.get(random.nextInt(OPERATIONS.size()));
      ChatRequest request = ChatRequest.builder()
          .messages(SystemMessage.from(INSTRUCTIONS.get(operation)), UserMessage.from(document))
          .temperature(0.2).maxOutputTokens(200)
          .build();
      cachingModels.get(operation).chat(request);   // the model answers only the first time a prompt is asked
    }
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    AIPerformanceSummary summary = ai.getAiPerformanceSummary();
    out.printf("model calls: %d of %d requests (%d calls saved)%n", model.calls(), REQUESTS, REQUESTS - model.calls());
    out.printf("hit ratio: %.1f%% (summarize %.0f%%, sentiment %.0f%%)%n", summary.hitRatio() * 100,
        ratio(summary, "summarize"), ratio(summary, "sentiment"));
    out.printf("latency: %,d ms with the cache, %,d ms without; model time saved %,d ms%n", elapsed,
        REQUESTS * MODEL_LATENCY_MILLIS, summary.modelTimeSaved().toMillis());
    out.printf("tokens saved: %,d (about $%.4f); key generation mean %.1f µs, p99 %.1f µs (cold JVM)%n",
        summary.tokensSaved(), summary.estimatedCostSaved(), summary.keyGenerationMeanMicros(),
        summary.keyGenerationP99Micros());
    out.printf("invalidateByOperation(\"summarize\") removed %d answers%n", ai.invalidateByOperation("summarize"));
  }

  private static double ratio(AIPerformanceSummary summary, String operation) {
    AIPerformanceSummary.OperationFigures figures = summary.byOperation().get(operation);
    return figures == null ? 0 : figures.hitRatio() * 100;
  }
}
