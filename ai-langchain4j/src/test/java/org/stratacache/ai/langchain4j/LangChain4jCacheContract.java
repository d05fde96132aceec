package org.stratacache.ai.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stratacache.ai.AIRequest;
import org.stratacache.ai.AIResponse;
import org.stratacache.ai.AIResponseCache;
import org.stratacache.ai.AIResponseCacheConfiguration;
import org.stratacache.jcache.configuration.StrataConfiguration;

/** The LangChain4j decorators on any store; subclasses choose the store. */
abstract class LangChain4jCacheContract {

  protected final String prefix = "lc4j-" + UUID.randomUUID().toString().substring(0, 8);
  protected CacheManager manager;
  protected Cache<String, AIResponse> cache;
  protected AIResponseCache ai;

  /** Chooses the store. */
  protected abstract void configure(StrataConfiguration.Builder<String, AIResponse> builder);

  /** Checks that the store holds nothing under {@code key}. */
  protected abstract void assertAbsent(String key);

  @BeforeEach
  void createCache() {
    manager = Caching.getCachingProvider().getCacheManager(URI.create("test:" + prefix), getClass().getClassLoader());
    cache = manager.createCache("answers", AIResponseCacheConfiguration.builder().cache(this::configure).build());
    ai = cache.unwrap(AIResponseCache.class);
  }

  @AfterEach
  void closeCache() {
    manager.close();
  }

  static ChatRequest prompt() {
    return ChatRequest.builder().messages(SystemMessage.from("You are terse."), UserMessage.from("Hello"),
        AiMessage.from("Hi. What do you need?"), UserMessage.from("The weather in Zürich")).build();
  }

  static ToolSpecification weatherTool() {
    return ToolSpecification.builder().name("weather").description("Today's weather in a city")
        .parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build()).build();
  }

  @Test
  void theSamePromptTwiceMakesOneModelCallAndTheHitIsTheFrameworksResponse() {
    ScriptedChatModel model = new ScriptedChatModel();
    CachingChatModel cached = CachingChatModel.wrap(model, ai);
    ChatRequest request = prompt().toBuilder().toolSpecifications(weatherTool()).build();
    ChatResponse first = cached.chat(request);
    ChatResponse second = cached.chat(request);
    assertThat(model.calls.get()).isEqualTo(1);
    assertThat(second).isNotSameAs(first).isEqualTo(first);
    assertThat(second.aiMessage().text()).isEqualTo("answer 1 to The weather in Zürich");
    assertThat(second.aiMessage().toolExecutionRequests()).singleElement()
        .satisfies(call -> assertThat(call.arguments()).isEqualTo("{\"city\":\"Zürich\"}"));
    assertThat(second.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertThat(second.tokenUsage().inputTokenCount()).isEqualTo(41);
    assertThat(second.tokenUsage().outputTokenCount()).isEqualTo(10);
    assertThat(second.modelName()).isEqualTo("scripted-1");
    assertThat(second.id()).isEqualTo("resp-1");
    assertThat(cached.chat("The weather in Zürich")).isEqualTo("answer 2 to The weather in Zürich");
    assertThat(cached.chat("The weather in Zürich")).isEqualTo("answer 2 to The weather in Zürich");
    assertThat(model.calls.get()).isEqualTo(2);
    assertThat(ai.getAiPerformanceSummary().hits()).isEqualTo(2);
    assertThat(ai.getAiPerformanceSummary().tokensSaved()).isEqualTo((41 + 10) + (42 + 10));
  }

  @Test
  void aChangeOfAnyPartOfThePromptCallsTheModelAgain() {
    ScriptedChatModel model = new ScriptedChatModel();
    CachingChatModel cached = CachingChatModel.wrap(model, ai);
    ChatRequest base = prompt();
    Map<String, ChatRequest> variants = new LinkedHashMap<>();
    variants.put("base", base);
    variants.put("system prompt", base.toBuilder().messages(SystemMessage.from("You are verbose."),
        base.messages().get(1), base.messages().get(2), base.messages().get(3)).build());
    variants.put("earlier user message", base.toBuilder().messages(base.messages().get(0), UserMessage.from("Hey"),
        base.messages().get(2), base.messages().get(3)).build());
    variants.put("last user message", base.toBuilder().messages(base.messages().get(0), base.messages().get(1),
        base.messages().get(2), UserMessage.from("The weather in Bern")).build());
    variants.put("no history", ChatRequest.builder().messages(SystemMessage.from("You are terse."),
        UserMessage.from("The weather in Zürich")).build());
    variants.put("temperature", base.toBuilder().temperature(0.1).build());
    variants.put("max tokens", base.toBuilder().maxOutputTokens(64).build());
    variants.put("tools", base.toBuilder().toolSpecifications(weatherTool()).build());
    variants.put("other tool", base.toBuilder().toolSpecifications(weatherTool().toBuilder()
        .description("Tomorrow's weather").build()).build());
    variants.put("response format", base.toBuilder().responseFormat(ResponseFormat.JSON).build());
    variants.put("model", base.toBuilder().modelName("scripted-2").build());
    int calls = 0;
    for (Map.Entry<String, ChatRequest> variant : variants.entrySet()) {
      cached.chat(variant.getValue());
      assertThat(model.calls.get()).as("a new " + variant.getKey() + " calls the model").isEqualTo(++calls);
    }
    for (Map.Entry<String, ChatRequest> variant : variants.entrySet()) {
      cached.chat(variant.getValue());
      assertThat(model.calls.get()).as("the same " + variant.getKey() + " is a hit").isEqualTo(calls);
    }
    // the model's default temperature is the same request as that temperature given explicitly
    cached.chat(base.toBuilder().temperature(0.7).build());
    assertThat(model.calls.get()).isEqualTo(calls);
  }

  @Test
  void perRequestControlsApplyAndAreNotPartOfTheKey() {
    ScriptedChatModel model = new ScriptedChatModel();
    CachingChatModel cached = CachingChatModel.wrap(model, ai);
    ChatRequest request = prompt();
    String key = ai.keyFor(cached.cacheRequest(request));
    cached.withControls(r -> r.noStore(true)).chat(request);
    cached.withControls(r -> r.noStore(true)).chat(request);
    assertThat(model.calls.get()).isEqualTo(2);
    assertAbsent(key);
    assertThat(cached.chat(request).aiMessage().text()).isEqualTo("answer 3 to The weather in Zürich");
    assertThat(cached.withControls(r -> r.refresh(true)).chat(request).aiMessage().text())
        .isEqualTo("answer 4 to The weather in Zürich");
    assertThat(cached.chat(request).aiMessage().text()).isEqualTo("answer 4 to The weather in Zürich");
    assertThat(cached.withControls(r -> r.maxAge(Duration.ofDays(1))).chat(request).aiMessage().text())
        .isEqualTo("answer 4 to The weather in Zürich");
    assertThat(model.calls.get()).isEqualTo(4);
    assertThat(ai.keyFor(cached.withControls(r -> r.ttl(Duration.ofSeconds(5))).cacheRequest(request)))
        .isEqualTo(key);
  }

  @Test
  void aFiftyChunkStreamIsStoredOnceCompleteAndAHitReplaysTheSameText() throws Exception {
    ScriptedStreamingChatModel model = new ScriptedStreamingChatModel(50, -1);
    CachingStreamingChatModel cached = CachingStreamingChatModel.wrap(model, ai);
    ChatRequest request = prompt();
    CollectingHandler first = new CollectingHandler();
    cached.chat(request, first);
    assertThat(first.await().partials).isEqualTo(ScriptedStreamingChatModel.chunks(50));
    assertThat(first.failure).isNull();
    assertThat(ai.get(cached.cacheRequest(request)).content()).isEqualTo(first.text());
    CollectingHandler replay = new CollectingHandler();
    cached.chat(request, replay);
    assertThat(replay.await().text()).isEqualTo(first.text());
    assertThat(replay.response).isEqualTo(first.response);
    assertThat(replay.response.tokenUsage().outputTokenCount()).isEqualTo(50);
    assertThat(model.streams.get()).isEqualTo(1);
  }

  @Test
  void aStreamCancelledAtChunkTenStoresNothing() throws Exception {
    ScriptedStreamingChatModel model = new ScriptedStreamingChatModel(50, -1);
    CachingStreamingChatModel cached = CachingStreamingChatModel.wrap(model, ai);
    ChatRequest request = prompt();
    CollectingHandler cancelling = new CollectingHandler(10);
    cached.chat(request, cancelling);
    assertThat(cancelling.cancelled.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(model.upstreamCancelled.await(10, TimeUnit.SECONDS)).as("the model's stream is cancelled").isTrue();
    Thread.sleep(100);
    assertThat(cancelling.partials).hasSize(10);
    assertThat(cancelling.response).isNull();
    assertThat(ai.get(cached.cacheRequest(request))).isNull();
    assertAbsent(ai.keyFor(cached.cacheRequest(request)));
    CollectingHandler again = new CollectingHandler();
    cached.chat(request, again);
    assertThat(again.await().partials).hasSize(50);
    assertThat(model.streams.get()).isEqualTo(2);
  }

  @Test
  void aStreamFailingAtChunkTenStoresNothingAndTheHandlerHearsWhy() throws Exception {
    ScriptedStreamingChatModel model = new ScriptedStreamingChatModel(50, 10);
    CachingStreamingChatModel cached = CachingStreamingChatModel.wrap(model, ai);
    ChatRequest request = prompt();
    CollectingHandler failed = new CollectingHandler();
    cached.chat(request, failed);
    assertThat(failed.await().partials).hasSize(10);
    assertThat(failed.failure).isInstanceOf(IOException.class).hasMessage("model broke at chunk 10");
    assertThat(ai.get(cached.cacheRequest(request))).isNull();
    assertAbsent(ai.keyFor(cached.cacheRequest(request)));
  }

  @Test
  void eightConcurrentIdenticalStreamsMakeOneModelStreamAndAllGetEveryChunkInOrder() throws Exception {
    ScriptedStreamingChatModel model = new ScriptedStreamingChatModel(50, -1);
    model.gate = new CountDownLatch(1);
    CachingStreamingChatModel cached = CachingStreamingChatModel.wrap(model, ai);
    ChatRequest request = prompt();
    List<CollectingHandler> handlers = new ArrayList<>();
    List<Thread> callers = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (int i = 0; i < 8; i++) {
      CollectingHandler handler = new CollectingHandler();
      handlers.add(handler);
      Thread caller = new Thread(() -> {
        try {
          start.await();
          cached.chat(request, handler);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      caller.start();
      callers.add(caller);
    }
    start.countDown();
    for (Thread caller : callers) {
      caller.join(10_000);
    }
    model.gate.countDown();
    for (CollectingHandler handler : handlers) {
      assertThat(handler.await().partials).isEqualTo(ScriptedStreamingChatModel.chunks(50));
      assertThat(handler.response.aiMessage().text()).isEqualTo(handler.text());
    }
    assertThat(model.streams.get()).isEqualTo(1);
  }

  @Test
  void streamingControlsNoStoreAndRefresh() throws Exception {
    ScriptedStreamingChatModel model = new ScriptedStreamingChatModel(3, -1);
    CachingStreamingChatModel cached = CachingStreamingChatModel.wrap(model, ai);
    ChatRequest request = prompt();
    CollectingHandler unstored = new CollectingHandler();
    cached.withControls(r -> r.noStore(true)).chat(request, unstored);
    assertThat(unstored.await().partials).hasSize(3);
    assertAbsent(ai.keyFor(cached.cacheRequest(request)));
    ai.put(cached.cacheRequest(request), AIResponse.of("old"));
    CollectingHandler refreshed = new CollectingHandler();
    cached.withControls(r -> r.refresh(true)).chat(request, refreshed);
    assertThat(refreshed.await().partials).hasSize(3);
    assertThat(ai.get(cached.cacheRequest(request)).content()).isEqualTo(refreshed.text());
    assertThat(model.streams.get()).isEqualTo(2);
  }
}
