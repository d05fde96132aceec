package org.stratacache.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.stratacache.ai.AIMessage;
import org.stratacache.ai.AIRequest;
import org.stratacache.ai.AIResponse;
import org.stratacache.ai.AIResponseCache;
import org.stratacache.ai.AIResponseCacheConfiguration;
import org.stratacache.ai.StreamFormat;
import org.stratacache.ai.langchain4j.CachingChatModel;
import org.stratacache.ai.langchain4j.CachingStreamingChatModel;
import org.stratacache.ai.springai.AICacheAdvisor;
import reactor.core.publisher.Flux;

/**
 * The samples of the AI chapter's sections on per-request control, streams, LangChain4j and Spring
 * AI: each tagged region is included in the guide, and runs here against in-process models.
 */
class AiFrameworksGuideTest {

  private final CacheManager manager =
      Caching.getCachingProvider().getCacheManager(URI.create("docs:ai-frameworks"), getClass().getClassLoader());
  private final AIResponseCache ai = manager.createCache("answers", AIResponseCacheConfiguration.defaults())
      .unwrap(AIResponseCache.class);
  private final AtomicInteger modelCalls = new AtomicInteger();

  @AfterEach
  void close() {
    manager.close();
  }

  private AIResponse callTheModel(String question) {
    modelCalls.incrementAndGet();
    return AIResponse.builder("answer to " + question).model("gpt-4o-mini").tokens(25, 12).finishReason("stop")
        .build();
  }

  private Flow.Publisher<String> streamTheModel(String question) {
    modelCalls.incrementAndGet();
    SubmissionPublisher<String> publisher = new SubmissionPublisher<>();
    CompletableFuture.runAsync(() -> {
      for (String word : ("answer to " + question).split(" ")) {
        publisher.submit(word + " ");
      }
      publisher.close();
    });
    return publisher;
  }

  @Test
  void perRequestControl() {
    String question = "What is a JCache provider?";
    // tag::controls[]
    AIRequest request = AIRequest.builder()
        .messages(List.of(AIMessage.system("Answer in one sentence."), AIMessage.user(question)))
        .operation("qa").options(Map.of("temperature", 0.2)).model("gpt-4o-mini")
        .build();
    AIResponse answer = ai.getOrCompute(request, () -> callTheModel(question));

    // the same key, other treatment: none of these controls is part of the key
    ai.getOrCompute(request.toBuilder().maxAge(Duration.ofMinutes(5)).build(),   // only a younger answer will do
        () -> callTheModel(question));
    ai.getOrCompute(request.toBuilder().refresh(true).build(),                   // ask again, replace the answer
        () -> callTheModel(question));
    ai.getOrCompute(request.toBuilder().noStore(true).build(),                   // ask, keep nothing
        () -> callTheModel(question));
    ai.put(request.toBuilder().ttl(Duration.ofDays(1)).build(), answer);          // this answer lives a day
    // end::controls[]
    assertThat(modelCalls.get()).isEqualTo(3);
    assertThat(answer.totalTokens()).isEqualTo(37);
  }

  @Test
  void streams() throws Exception {
    String question = "Tell me about Strata";
    AIRequest request = AIRequest.of(question, "chat");
    // tag::stream[]
    Flow.Publisher<String> chunks = ai.getOrComputeStream(request, StreamFormat.text(),
        () -> streamTheModel(question));   // called only on a miss, and once for identical concurrent requests
    // end::stream[]
    StringBuilder text = new StringBuilder();
    CompletableFuture<Void> done = new CompletableFuture<>();
    chunks.subscribe(new Flow.Subscriber<String>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(String chunk) {
        text.append(chunk);
      }

      @Override
      public void onError(Throwable failure) {
        done.completeExceptionally(failure);
      }

      @Override
      public void onComplete() {
        done.complete(null);
      }
    });
    done.get(10, TimeUnit.SECONDS);
    assertThat(ai.get(request).content()).isEqualTo(text.toString());
  }

  /** Stands in for a LangChain4j provider model (OpenAiChatModel, ...). */
  private final class LangChain4jModel implements ChatModel {
    @Override
    public ChatResponse doChat(ChatRequest request) {
      modelCalls.incrementAndGet();
      return ChatResponse.builder().aiMessage(AiMessage.from("It is sunny.")).tokenUsage(new TokenUsage(20, 4))
          .build();
    }
  }

  /** Stands in for a LangChain4j provider streaming model (OpenAiStreamingChatModel, ...). */
  private final class LangChain4jStreamingModel implements StreamingChatModel {
    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
      modelCalls.incrementAndGet();
      handler.onPartialResponse(new PartialResponse("It is "), new PartialResponseContext(null));
      handler.onPartialResponse(new PartialResponse("sunny."), new PartialResponseContext(null));
      handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("It is sunny.")).build());
    }
  }

  @Test
  void langChain4j() {
    ChatModel openAiModel = new LangChain4jModel();
    StreamingChatModel openAiStreamingModel = new LangChain4jStreamingModel();
    // tag::langchain4j[]
    ChatModel model = CachingChatModel.wrap(openAiModel, ai);
    ChatRequest request = ChatRequest.builder()
        .messages(SystemMessage.from("Answer in one sentence."), UserMessage.from("Weather in Zürich?"))
        .temperature(0.2).maxOutputTokens(100)
        .build();
    ChatResponse response = model.chat(request);        // the model answers
    ChatResponse again = model.chat(request);           // the cache answers: text, tool calls, usage, finish reason
    // end::langchain4j[]
    // tag::langchain4j-controls[]
    ChatModel fresh = CachingChatModel.wrap(openAiModel, ai).withControls(r -> r.refresh(true));
    ChatModel recent = CachingChatModel.wrap(openAiModel, ai).withControls(r -> r.maxAge(Duration.ofMinutes(5)));
    // end::langchain4j-controls[]
    // tag::langchain4j-stream[]
    StreamingChatModel streaming = CachingStreamingChatModel.wrap(openAiStreamingModel, ai);
    streaming.chat(request, new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String partial) {
        System.out.print(partial);                       // the model's chunks, or the cached answer at once
      }

      @Override
      public void onCompleteResponse(ChatResponse complete) {
        System.out.println();
      }

      @Override
      public void onError(Throwable error) {
        error.printStackTrace();
      }
    });
    // end::langchain4j-stream[]
    assertThat(again.aiMessage().text()).isEqualTo(response.aiMessage().text());
    assertThat(again.tokenUsage().inputTokenCount()).isEqualTo(20);
    assertThat(recent.chat(request).aiMessage().text()).isEqualTo("It is sunny.");
    assertThat(modelCalls.get()).as("the call and the stream").isEqualTo(2);
    fresh.chat(request);
    assertThat(modelCalls.get()).isEqualTo(3);
  }

  /** Stands in for a Spring AI provider model (OpenAiChatModel, ...). */
  private final class SpringAiModel implements org.springframework.ai.chat.model.ChatModel {
    @Override
    public org.springframework.ai.chat.model.ChatResponse call(Prompt prompt) {
      modelCalls.incrementAndGet();
      return new org.springframework.ai.chat.model.ChatResponse(List.of(new Generation(
          new AssistantMessage("It is sunny."))));
    }

    @Override
    public Flux<org.springframework.ai.chat.model.ChatResponse> stream(Prompt prompt) {
      modelCalls.incrementAndGet();
      return Flux.just("It is ", "sunny.").map(text -> new org.springframework.ai.chat.model.ChatResponse(
          List.of(new Generation(new AssistantMessage(text)))));
    }
  }

  @Test
  void springAi() {
    org.springframework.ai.chat.model.ChatModel chatModel = new SpringAiModel();
    String question = "Weather in Zürich?";
    // tag::spring-ai[]
    ChatClient client = ChatClient.builder(chatModel)
        .defaultAdvisors(AICacheAdvisor.builder(ai).build())
        .build();
    String answer = client.prompt().system("Answer in one sentence.").user(question).call().content();
    String cached = client.prompt().system("Answer in one sentence.").user(question).call().content();
    // end::spring-ai[]
    // tag::spring-ai-controls[]
    String fresh = client.prompt().system("Answer in one sentence.").user(question)
        .advisors(a -> a.param(AICacheAdvisor.REFRESH, true)             // skip the cached answer, store this one
            .param(AICacheAdvisor.TTL, Duration.ofMinutes(10)))         // for ten minutes
        .call().content();
    // end::spring-ai-controls[]
    // tag::spring-ai-stream[]
    Flux<String> chunks = client.prompt().user("Tell me more").stream().content();
    // end::spring-ai-stream[]
    List<String> received = new ArrayList<>(chunks.collectList().block());
    assertThat(cached).isEqualTo(answer).isEqualTo(fresh);
    assertThat(String.join("", received)).isEqualTo("It is sunny.");
    assertThat(String.join("", client.prompt().user("Tell me more").stream().content().collectList().block()))
        .isEqualTo("It is sunny.");
    assertThat(modelCalls.get()).isEqualTo(3);
  }
}
