package org.stratacache.ai.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A handler that keeps what it hears and may cancel, through its streaming handle, at a given chunk. */
final class CollectingHandler implements StreamingChatResponseHandler {

  final List<String> partials = new CopyOnWriteArrayList<>();
  final CountDownLatch done = new CountDownLatch(1);
  final CountDownLatch cancelled = new CountDownLatch(1);
  private final int cancelAt;
  volatile ChatResponse response;
  volatile Throwable failure;

  CollectingHandler(int cancelAt) {
    this.cancelAt = cancelAt;
  }

  CollectingHandler() {
    this(-1);
  }

  CollectingHandler await() throws InterruptedException {
    assertThat(done.await(20, TimeUnit.SECONDS)).as("the stream ended").isTrue();
    return this;
  }

  String text() {
    return String.join("", partials);
  }

  @Override
  public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
    partials.add(partial.text());
    if (partials.size() == cancelAt) {
      context.streamingHandle().cancel();
      cancelled.countDown();
    }
  }

  @Override
  public void onCompleteResponse(ChatResponse complete) {
    response = complete;
    done.countDown();
  }

  @Override
  public void onError(Throwable error) {
    failure = error;
    done.countDown();
  }
}
