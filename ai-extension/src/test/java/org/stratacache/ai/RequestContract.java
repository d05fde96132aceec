package org.stratacache.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Structured answers and per-request control on any store: mixed into the store contracts, which
 * supply the cache and how to see the store.
 */
interface RequestContract {

  /** The AI view under test. */
  AIResponseCache ai();

  /** Checks that the entry under {@code key} lives {@code ttl}. */
  void assertLifetime(String key, Duration ttl);

  /** Checks that the store holds nothing under {@code key}. */
  void assertAbsent(String key);

  /** The cache's clock now. */
  Instant now();

  /** Moves the cache's clock (a store on the wall clock waits). */
  void passes(Duration time) throws InterruptedException;

  static Map<String, Object> nested() {
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("id", "call_1");
    call.put("name", "weather");
    call.put("arguments", Map.of("city", "Zürich", "days", 3));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("tool_calls", List.of(call));
    data.put("score", 0.875);
    data.put("big", new BigDecimal("12345678901234567890.5"));
    data.put("count", 9_000_000_000L);
    data.put("flags", Arrays.asList(true, false, null));
    data.put("nothing", null);
    data.put("nested", Map.of("deeper", List.of(List.of(), Map.of())));
    return data;
  }

  @Test
  default void aStructuredAnswerRoundTripsEqual() {
    AIResponse answer = AIResponse.builder("It will be sunny.").model("gpt-4o").tokens(321, 45).latencyMillis(812)
        .createdAt(Instant.parse("2026-01-02T03:04:05.678Z")).finishReason("tool_calls")
        .metadata(Map.of("id", "chatcmpl-1")).data(nested()).build();
    AIRequest request = AIRequest.of("Weather in Zürich?", "qa");
    ai().put(request, answer);
    AIResponse back = ai().get(request);
    assertThat(back).isEqualTo(answer);
    assertThat(back.data().asMap()).containsEntry("count", 9_000_000_000L).containsEntry("score", 0.875)
        .containsEntry("nothing", null).containsEntry("flags", Arrays.asList(true, false, null));
    assertThat(back.data().json()).isEqualTo(answer.data().json());
  }

  @Test
  default void tokensSavedAreTheTokensOfTheAnswersServedFromTheCache() {
    AIResponseCache ai = ai();
    long before = ai.getAiPerformanceSummary().tokensSaved();
    double costBefore = ai.getAiPerformanceSummary().estimatedCostSaved();
    long expected = 0;
    double cost = 0;
    List<AIResponse> served = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      AIRequest request = AIRequest.of("scripted " + n, "summarize");
      AIResponse answer = AIResponse.builder("s" + n).model(n % 2 == 0 ? "priced" : "other").tokens(100 + n, 10 * n)
          .build();
      ai.getOrCompute(request, () -> answer);
      for (int hit = 0; hit < n; hit++) {
        served.add(ai.getOrCompute(request, () -> answer));
      }
    }
    for (AIResponse answer : served) {
      expected += answer.totalTokens();
      cost += ai.settings().priceOf(answer.model()).cost(answer);
    }
    assertThat(ai.getAiPerformanceSummary().tokensSaved() - before).isEqualTo(expected);
    assertThat(ai.getAiPerformanceSummary().estimatedCostSaved() - costBefore)
        .isCloseTo(cost, Offset.offset(1e-9));
    assertThat(cost).isPositive();
  }

  @Test
  default void noStoreCallsTheModelAndLeavesNoKey() {
    AtomicInteger calls = new AtomicInteger();
    AIRequest request = AIRequest.builder().text("private").operation("qa").noStore(true).build();
    ai().put(AIRequest.of("private", "qa"), AIResponse.of("cached before"));
    assertThat(ai().getOrCompute(request, () -> AIResponse.of("fresh " + calls.incrementAndGet())).content())
        .isEqualTo("fresh 1");
    AIRequest other = AIRequest.builder().text("never stored").operation("qa").noStore(true).build();
    ai().getOrCompute(other, () -> AIResponse.of("fresh " + calls.incrementAndGet()));
    ai().put(other, AIResponse.of("put with no-store"));
    assertAbsent(ai().keyFor(other));
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  default void refreshReplacesTheCachedAnswer() {
    AIRequest request = AIRequest.of("news", "summarize");
    ai().put(request, AIResponse.of("old"));
    AIResponse fresh = ai().getOrCompute(request.toBuilder().refresh(true).build(), () -> AIResponse.of("new"));
    assertThat(fresh.content()).isEqualTo("new");
    assertThat(ai().get(request).content()).isEqualTo("new");
    assertThat(ai().get(request.toBuilder().refresh(true).build())).isNull();
  }

  @Test
  default void maxAgeRejectsAnOlderAnswer() throws InterruptedException {
    AIRequest request = AIRequest.of("prices", "summarize");
    ai().put(request, AIResponse.of("yesterday's"));
    passes(Duration.ofSeconds(2));
    assertThat(ai().get(request.toBuilder().maxAge(Duration.ofSeconds(1)).build())).isNull();
    assertThat(ai().get(request.toBuilder().maxAge(Duration.ofHours(1)).build()).content()).isEqualTo("yesterday's");
    AIResponse answer = ai().getOrCompute(request.toBuilder().maxAge(Duration.ofSeconds(1)).build(),
        () -> AIResponse.of("today's"));
    assertThat(answer.content()).isEqualTo("today's");
    assertThat(answer.createdAt()).isAfterOrEqualTo(now().minusSeconds(1));
    assertThat(ai().get(request).content()).isEqualTo("today's");
  }

  @Test
  default void aPerRequestLifetimeIsTheEntrysLifetime() {
    AIRequest request = AIRequest.builder().text("long-lived").operation("qa").ttl(Duration.ofHours(3)).build();
    ai().put(request, AIResponse.of("kept 3 h"));
    assertLifetime(ai().keyFor(request), Duration.ofHours(3));
  }

  @Test
  default void controlsAreNeverPartOfTheKey() {
    AIRequest plain = AIRequest.of("same", "qa");
    assertThat(ai().keyFor(plain.toBuilder().ttl(Duration.ofMinutes(1)).noStore(true).refresh(true)
        .maxAge(Duration.ZERO).build())).isEqualTo(ai().keyFor(plain));
  }

  @Test
  default void messagesKeyTheirWholeConversation() {
    AIRequest chat = AIRequest.builder().messages(List.of(AIMessage.system("Be brief"), AIMessage.user("Hi")))
        .build();
    ai().put(chat, AIResponse.of("Hello"));
    assertThat(ai().get(chat).content()).isEqualTo("Hello");
    assertThat(ai().get(AIRequest.builder().messages(List.of(AIMessage.system("Be long"), AIMessage.user("Hi")))
        .build())).isNull();
    assertThat(ai().get(AIRequest.builder().messages(List.of(AIMessage.system("Be brief"), AIMessage.user("Hi"),
        AIMessage.of("assistant", "", Map.of("tool_calls", List.of("x"))))).build())).isNull();
    assertThat(ai().get(AIRequest.builder().text("Hi").build())).isNull();
    assertThat(ai().get(chat.toBuilder().model("another-model").build())).isNull();
    assertThat(ai().keyFor(chat)).contains("|msgs:").doesNotContain("Be brief");
  }

  @Test
  default void aTenantViewRefusesAnotherTenantsRequest() {
    assertThatThrownBy(() -> ai().forTenant("acme").get(AIRequest.builder().text("x").tenant("globex").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("globex");
    AIRequest acme = AIRequest.builder().text("t").tenant("acme").build();
    ai().put(acme, AIResponse.of("acme's"));
    assertThat(ai().forTenant("acme").get(AIRequest.builder().text("t").build()).content()).isEqualTo("acme's");
  }
}
