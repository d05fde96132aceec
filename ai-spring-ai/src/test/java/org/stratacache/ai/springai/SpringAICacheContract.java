package org.stratacache.ai.springai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.function.FunctionToolCallback;
import org.stratacache.ai.AIResponse;
import org.stratacache.ai.AIResponseCache;
import org.stratacache.ai.AIResponseCacheConfiguration;
import org.stratacache.jcache.configuration.StrataConfiguration;
import reactor.core.publisher.Flux;

/** The Spring AI advisor on any store; subclasses choose the store. */
abstract class SpringAICacheContract {

  /** What the scripted JSON answers hold. */
  record Weather(String city, String summary) {
  }

  /** The tool's input. */
  record City(String city) {
  }

  protected final String prefix = "sai-" + UUID.randomUUID().toString().substring(0, 8);
  protected CacheManager manager;
  protected Cache<String, AIResponse> cache;
  protected AIResponseCache ai;
  protected AICacheAdvisor advisor;

  /** Chooses the store. */
  protected abstract void configure(StrataConfiguration.Builder<String, AIResponse> builder);

  /** Checks that the store holds nothing under {@code key}. */
  protected abstract void assertAbsent(String key);

  @BeforeEach
  void createCache() {
    manager = Caching.getCachingProvider().getCacheManager(URI.create("test:" + prefix), getClass().getClassLoader());
    cache = manager.createCache("answers", AIResponseCacheConfiguration.builder().cache(this::configure).build());
    ai = cache.unwrap(AIResponseCache.class);
    advisor = AICacheAdvisor.builder(ai).build();
  }

  @AfterEach
  void closeCache() {
    manager.close();
  }

  ChatClient client(ScriptedChatModel model) {
    return ChatClient.builder(model).defaultAdvisors(advisor).build();
  }

  static ChatClient.ChatClientRequestSpec prompt(ChatClient client) {
    return client.prompt().system("You are terse.").messages(new UserMessage("Hello"),
        new AssistantMessage("Hi. What do you need?")).user("The weather in Zürich");
  }

  static ToolCallback weatherTool(String description, AtomicInteger runs) {
    return FunctionToolCallback.builder("weather", (City city) -> {
      runs.incrementAndGet();
      return "sunny in " + city.city();
    }).description(description).inputType(City.class).build();
  }

  /** The key the prompt of {@code spec} gets, read by an advisor placed where the cache advisor is. */
  String keyOf(ChatClient.ChatClientRequestSpec spec) {
    AtomicReference<ChatClientRequest> seen = new AtomicReference<>();
    spec.advisors(new Spy(seen)).call().chatResponse();
    return ai.keyFor(advisor.cacheRequest(seen.get()));
  }

  @Test
  void theSamePromptTwiceMakesOneModelCallAndTheHitIsTheFrameworksResponse() {
    ScriptedChatModel model = new ScriptedChatModel();
    ChatClient client = client(model);
    ChatResponse first = prompt(client).call().chatResponse();
    ChatResponse second = prompt(client).call().chatResponse();
    assertThat(model.calls.get()).isEqualTo(1);
    assertThat(second).isNotSameAs(first);
    assertThat(second.getResult().getOutput().getText()).isEqualTo("answer 1 to The weather in Zürich")
        .isEqualTo(first.getResult().getOutput().getText());
    assertThat(second.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
    assertThat(second.getMetadata().getUsage().getPromptTokens()).isEqualTo(41);
    assertThat(second.getMetadata().getUsage().getCompletionTokens()).isEqualTo(10);
    assertThat(second.getMetadata().getId()).isEqualTo("resp-1");
    assertThat(second.getMetadata().getModel()).isEqualTo("scripted-1");
    assertThat(client.prompt().user("Hi").call().content()).isEqualTo("answer 2 to Hi");
    assertThat(client.prompt().user("Hi").call().content()).isEqualTo("answer 2 to Hi");
    assertThat(model.calls.get()).isEqualTo(2);
    assertThat(ai.getAiPerformanceSummary().tokensSaved()).isEqualTo((41 + 10) + (42 + 10));
  }

  @Test
  void aChangeOfAnyPartOfThePromptCallsTheModelAgain() {
    ScriptedChatModel model = new ScriptedChatModel();
    ChatClient client = client(model);
    AtomicInteger toolRuns = new AtomicInteger();
    Map<String, Supplier<Object>> variants = new LinkedHashMap<>();
    variants.put("base", () -> prompt(client).call().content());
    variants.put("system prompt", () -> prompt(client).system("You are verbose.").call().content());
    variants.put("earlier user message", () -> client.prompt().system("You are terse.")
        .messages(new UserMessage("Hey"), new AssistantMessage("Hi. What do you need?"))
        .user("The weather in Zürich").call().content());
    variants.put("last user message", () -> prompt(client).user("The weather in Bern").call().content());
    variants.put("no history", () -> client.prompt().system("You are terse.").user("The weather in Zürich")
        .call().content());
    variants.put("temperature", () -> prompt(client).options(ChatOptions.builder().temperature(0.1)).call()
        .content());
    variants.put("max tokens", () -> prompt(client).options(ChatOptions.builder().maxTokens(64)).call().content());
    variants.put("tools", () -> prompt(client).toolCallbacks(weatherTool("Today's weather", toolRuns)).call()
        .content());
    variants.put("other tool", () -> prompt(client).toolCallbacks(weatherTool("Tomorrow's weather", toolRuns))
        .call().content());
    variants.put("response format", () -> prompt(client).user("The weather in Zürich as JSON").call()
        .entity(Weather.class));
    variants.put("model", () -> prompt(client).options(ChatOptions.builder().model("scripted-2")).call().content());
    int calls = 0;
    Map<String, Object> answers = new LinkedHashMap<>();
    for (Map.Entry<String, Supplier<Object>> variant : variants.entrySet()) {
      answers.put(variant.getKey(), variant.getValue().get());
      assertThat(model.calls.get()).as("a new " + variant.getKey() + " calls the model").isEqualTo(++calls);
    }
    for (Map.Entry<String, Supplier<Object>> variant : variants.entrySet()) {
      assertThat(variant.getValue().get()).isEqualTo(answers.get(variant.getKey()));
      assertThat(model.calls.get()).as("the same " + variant.getKey() + " is a hit").isEqualTo(calls);
    }
    assertThat(answers.get("response format")).isEqualTo(new Weather("Zürich", "answer 10"));
    assertThat(toolRuns.get()).isZero();
    // the model's default temperature is the same request as that temperature given explicitly
    prompt(client).options(ChatOptions.builder().temperature(0.7)).call().content();
    assertThat(model.calls.get()).isEqualTo(calls);
  }

  @Test
  void aToolLoopIsAnsweredFromTheCacheTheSecondTime() {
    ScriptedChatModel model = new ScriptedChatModel();
    ChatClient client = client(model);
    AtomicInteger toolRuns = new AtomicInteger();
    String first = client.prompt().user("Use the tool for Zürich").toolCallbacks(weatherTool("Weather", toolRuns))
        .call().content();
    assertThat(first).isEqualTo("It is \"sunny in Zürich\" (answer 2)");
    assertThat(model.calls.get()).isEqualTo(2);
    String second = client.prompt().user("Use the tool for Zürich").toolCallbacks(weatherTool("Weather", toolRuns))
        .call().content();
    assertThat(second).isEqualTo(first);
    assertThat(model.calls.get()).as("the tool call and the final answer are both hits").isEqualTo(2);
    assertThat(toolRuns.get()).as("the application's tool still runs").isEqualTo(2);
  }

  @Test
  void perRequestControlsAreAdvisorParametersAndNotPartOfTheKey() {
    ScriptedChatModel model = new ScriptedChatModel();
    ChatClient client = client(model);
    String key = keyOf(prompt(client).advisors(a -> a.param(AICacheAdvisor.NO_STORE, true)));
    prompt(client).advisors(a -> a.param(AICacheAdvisor.NO_STORE, true)).call().content();
    prompt(client).advisors(a -> a.param(AICacheAdvisor.NO_STORE, true)).call().content();
    assertThat(model.calls.get()).isEqualTo(2);
    assertAbsent(key);
    assertThat(prompt(client).call().content()).isEqualTo("answer 3 to The weather in Zürich");
    assertThat(prompt(client).advisors(a -> a.param(AICacheAdvisor.REFRESH, true)).call().content())
        .isEqualTo("answer 4 to The weather in Zürich");
    assertThat(prompt(client).call().content()).isEqualTo("answer 4 to The weather in Zürich");
    assertThat(prompt(client).advisors(a -> a.param(AICacheAdvisor.MAX_AGE, "PT1H")).call().content())
        .isEqualTo("answer 4 to The weather in Zürich");
    assertThat(prompt(client).advisors(a -> a.param(AICacheAdvisor.MAX_AGE, Duration.ZERO)
        .param(AICacheAdvisor.TTL, Duration.ofMinutes(5))).call().content())
        .isEqualTo("answer 5 to The weather in Zürich");
    assertThat(keyOf(prompt(client).advisors(a -> a.param(AICacheAdvisor.TTL, "PT5S")))).isEqualTo(key);
  }

  @Test
  void aFiftyChunkStreamIsStoredOnceCompleteAndAHitReplaysTheSameText() {
    ScriptedChatModel model = new ScriptedChatModel(50, -1);
    ChatClient client = client(model);
    List<String> first = prompt(client).stream().content().collectList().block();
    assertThat(first).isEqualTo(ScriptedChatModel.chunks(50));
    List<ChatResponse> replay = prompt(client).stream().chatResponse().collectList().block();
    assertThat(replay).hasSize(1);
    assertThat(replay.get(0).getResult().getOutput().getText()).isEqualTo(String.join("", first));
    assertThat(replay.get(0).getMetadata().getUsage().getCompletionTokens()).isEqualTo(50);
    assertThat(replay.get(0).getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
    assertThat(String.join("", prompt(client).stream().content().collectList().block()))
        .isEqualTo(String.join("", first));
    assertThat(model.streams.get()).isEqualTo(1);
    assertThat(model.calls.get()).isZero();
  }

  @Test
  void aStreamCancelledAtChunkTenStoresNothing() throws Exception {
    ScriptedChatModel model = new ScriptedChatModel(50, -1);
    ChatClient client = client(model);
    assertThat(prompt(client).stream().content().take(10).collectList().block()).hasSize(10);
    assertThat(model.upstreamCancelled.await(10, TimeUnit.SECONDS)).as("the model's stream is cancelled").isTrue();
    Thread.sleep(100);
    String key = keyOf(prompt(client));
    assertAbsent(key);
    assertThat(model.calls.get()).isZero();
    assertThat(prompt(client).stream().content().collectList().block()).hasSize(50);
    assertThat(model.streams.get()).isEqualTo(2);
  }

  @Test
  void aStreamFailingAtChunkTenStoresNothingAndTheCallerHearsWhy() {
    ScriptedChatModel model = new ScriptedChatModel(50, 10);
    ChatClient client = client(model);
    List<String> received = new CopyOnWriteArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    prompt(client).stream().content().doOnNext(received::add).doOnError(failure::set)
        .onErrorResume(e -> Flux.empty()).blockLast();
    assertThat(received).hasSize(10);
    assertThat(failure.get()).isInstanceOf(IOException.class).hasMessage("model broke at chunk 10");
    assertAbsent(keyOf(prompt(client)));
  }

  @Test
  void eightConcurrentIdenticalStreamsMakeOneModelStreamAndAllGetEveryChunkInOrder() throws Exception {
    ScriptedChatModel model = new ScriptedChatModel(50, -1);
    model.gate = new CountDownLatch(1);
    ChatClient client = client(model);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<String>>> all = new ArrayList<>();
      CountDownLatch subscribed = new CountDownLatch(8);
      for (int i = 0; i < 8; i++) {
        all.add(pool.submit(() -> prompt(client).stream().content().doOnSubscribe(s -> subscribed.countDown())
            .collectList().block()));
      }
      assertThat(subscribed.await(10, TimeUnit.SECONDS)).isTrue();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (ai.getAiPerformanceSummary().coalescedCalls() < 7) {   // the model holds its stream until the gate opens
        assertThat(System.nanoTime()).as("seven requests joined the first one's stream").isLessThan(deadline);
        Thread.sleep(10);
      }
      model.gate.countDown();
      for (Future<List<String>> chunks : all) {
        assertThat(chunks.get(20, TimeUnit.SECONDS)).isEqualTo(ScriptedChatModel.chunks(50));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(model.streams.get()).isEqualTo(1);
  }

  /** Records the request as the cache advisor would see it, and answers without a model. */
  private record Spy(AtomicReference<ChatClientRequest> seen)
      implements CallAdvisor {
    @Override
    public ChatClientResponse adviseCall(ChatClientRequest request,
        CallAdvisorChain chain) {
      seen.set(request);
      return ChatClientResponse.builder()
          .chatResponse(ChatResponse.builder().generations(List.of(new Generation(
              new AssistantMessage("spied")))).build()).context(request.context()).build();
    }

    @Override
    public String getName() {
      return "spy";
    }

    @Override
    public int getOrder() {
      return AICacheAdvisor.DEFAULT_ORDER - 1;
    }
  }
}
