package org.stratacache.examples;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.stratacache.ai.AIResponse;

/** Stands in for an LLM: answers after a fixed latency and reports token counts, as a real client would. */
final class SimulatedModel {

  private final long latencyMillis;
  private final AtomicInteger calls = new AtomicInteger();

  SimulatedModel(long latencyMillis) {
    this.latencyMillis = latencyMillis;
  }

  AIResponse answer(String operation, String text) throws InterruptedException {
    calls.incrementAndGet();
    Thread.sleep(latencyMillis);
    String content = operation + " of \"" + text.substring(0, Math.min(30, text.length())) + "...\"";
    return new AIResponse(content, "simulated-llm", text.length() / 4, 60, latencyMillis, Instant.now(),
        Map.of("finish_reason", "stop"));
  }

  int calls() {
    return calls.get();
  }
}
