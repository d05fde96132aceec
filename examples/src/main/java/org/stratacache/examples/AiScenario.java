package org.stratacache.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import org.stratacache.ai.AIPerformanceSummary;
import org.stratacache.ai.AIResponse;
import org.stratacache.ai.AIResponseCache;
import org.stratacache.ai.AIResponseCacheConfiguration;

/** A repeated workload of prompts against a simulated model, with and without the AI response cache. */
final class AiScenario {

  static final int REQUESTS = 120;
  static final long MODEL_LATENCY_MILLIS = 40;

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
        + " distinct prompts, a model that takes " + MODEL_LATENCY_MILLIS + " ms");
    Cache<String, AIResponse> cache = stores.create("ai-responses", AIResponseCacheConfiguration.builder()
        .costPerThousandTokens(0.002).build());
    AIResponseCache ai = cache.unwrap(AIResponseCache.class);
    SimulatedModel model = new SimulatedModel(MODEL_LATENCY_MILLIS);
    SplittableRandom random = new SplittableRandom(7);
    long start = System.nanoTime();
    for (int i = 0; i < REQUESTS; i++) {
      String document = DOCUMENTS.get(random.nextInt(DOCUMENTS.size()));
      String operation = OPERATIONS.get(random.nextInt(OPERATIONS.size()));
      Map<String, Object> options = Map.of("temperature", 0.2, "max_tokens", 200);
      ai.getOrCompute(document, operation, options, () -> model.answer(operation, document));
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
