package org.stratacache.ai;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Flow;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model streams running in this JVM, one per key: a subscriber to a key whose stream runs
 * joins it and receives every chunk from the first; otherwise its subscription starts the model's
 * stream. A stream that completes normally is stored before its subscribers hear the end; one
 * that fails, or whose every subscriber cancelled (which cancels the model's stream), stores nothing.
 */
final class StreamFlights {

  private static final Logger LOG = LoggerFactory.getLogger(StreamFlights.class);

  private final ConcurrentMap<String, Flight<?>> running = new ConcurrentHashMap<>();

  /**
   * Subscribes {@code subscriber} to the stream of {@code key}, starting it if none runs.
   *
   * @param key    the request's key, or {@code null} for a stream of its own that stores nothing
   * @param store  stores the assembled answer and how long the stream took ({@code null}: nothing)
   * @param onJoin runs when the subscriber joins a running stream
   */
  <C> void subscribe(String key, StreamFormat<C> format, StreamingModelCall<C> call,
                     BiConsumer<AIResponse, Duration> store, Flow.Subscriber<? super C> subscriber, Runnable onJoin) {
    String shared = key;
    while (true) {
      Flight<C> mine = new Flight<>(shared, format, store);
      Flight<?> theirs = shared == null ? null : running.putIfAbsent(shared, mine);
      if (theirs == null) {
        mine.log.subscribe(subscriber);
        mine.start(call);
        return;
      }
      if (theirs.format != format) {
        shared = null;  // the same request in another chunk type: a stream of its own
        continue;
      }
      @SuppressWarnings("unchecked")
      Flight<C> same = (Flight<C>) theirs;
      if (same.log.subscribe(subscriber)) {
        onJoin.run();
        return;
      }
      running.remove(shared, theirs);  // abandoned by all its subscribers just now: start afresh
    }
  }

  /** One model stream and its subscribers. */
  private final class Flight<C> implements Flow.Subscriber<C> {
    final ChunkLog<C> log = new ChunkLog<>(this::abandon);
    final StreamFormat<C> format;
    private final String key;
    private final BiConsumer<AIResponse, Duration> store;
    private volatile Flow.Subscription upstream;
    private volatile boolean abandoned;
    private volatile long started;

    Flight(String key, StreamFormat<C> format, BiConsumer<AIResponse, Duration> store) {
      this.key = key;
      this.format = format;
      this.store = store;
    }

    void start(StreamingModelCall<C> call) {
      started = System.nanoTime();
      Flow.Publisher<C> publisher;
      try {
        publisher = Objects.requireNonNull(call.stream(), "the streaming model call returned no publisher");
      } catch (RuntimeException e) {
        onError(e);
        return;
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        onError(new ModelCallException("The streaming model call failed: " + e.getMessage(), e));
        return;
      }
      publisher.subscribe(this);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      if (upstream != null) {
        subscription.cancel();
        return;
      }
      upstream = subscription;
      if (abandoned) {
        subscription.cancel();
      } else {
        subscription.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(C chunk) {
      log.add(chunk);
    }

    @Override
    public void onError(Throwable failure) {
      end();
      log.fail(failure);
    }

    @Override
    public void onComplete() {
      if (store != null && !log.isAbandoned()) {
        try {
          store.accept(format.assemble(log.snapshot()), Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException e) {
          // the callers have their answer; only the cache misses it
          LOG.warn("A completed model stream could not be stored: {}", e.toString());
        }
      }
      end();
      log.complete();
    }

    private void abandon() {
      abandoned = true;
      end();
      Flow.Subscription subscription = upstream;
      if (subscription != null) {
        subscription.cancel();
      }
    }

    private void end() {
      if (key != null) {
        running.remove(key, this);
      }
    }
  }
}
