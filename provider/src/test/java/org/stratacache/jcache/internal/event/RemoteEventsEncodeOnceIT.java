package org.stratacache.jcache.internal.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.Factory;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryListener;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.SerializationSettings;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.testing.redis.RedisServer;

/**
 * A write with remote-events on encodes its value once: the event carries the bytes the store wrote,
 * and the previous value's bytes as Redis returned them. Encodings are counted by the value class
 * itself: its Java serialization hook ({@code writeObject}) runs once per encoding, whoever encodes.
 */
class RemoteEventsEncodeOnceIT {

  private final RedisServer server = RedisServer.start();
  private final CacheManager writerJvm = manager("writer");
  private final CacheManager listenerJvm = manager("listener");

  private CacheManager manager(String name) {
    return Caching.getCachingProvider().getCacheManager(URI.create("test:encode-once-" + name + "-"
        + server.port()), getClass().getClassLoader());
  }

  @AfterEach
  void close() {
    writerJvm.close();
    listenerJvm.close();
    server.close();
  }

  /** A value that counts how often it is serialized. */
  static final class Counted implements Serializable {

    static final AtomicInteger ENCODINGS = new AtomicInteger();
    private static final long serialVersionUID = 1L;

    String text;

    Counted(String text) {
      this.text = text;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
      ENCODINGS.incrementAndGet();
      out.defaultWriteObject();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Counted counted && Objects.equals(text, counted.text);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(text);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** What a listener in the other JVM hears, as text. */
  static final class Heard implements CacheEntryCreatedListener<String, Counted>,
      CacheEntryUpdatedListener<String, Counted>, CacheEntryRemovedListener<String, Counted> {

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    MutableCacheEntryListenerConfiguration<String, Counted> configuration() {
      Factory<CacheEntryListener<? super String, ? super Counted>> factory = () -> this;
      return new MutableCacheEntryListenerConfiguration<>(factory, null, true, false);
    }

    private void record(Iterable<CacheEntryEvent<? extends String, ? extends Counted>> batch) {
      batch.forEach(event -> events.add(event.getEventType() + " " + event.getKey() + "=" + event.getValue()
          + (event.isOldValueAvailable() ? " old=" + event.getOldValue() : "")));
    }

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends Counted>> batch) {
      record(batch);
    }

    @Override
    public void onUpdated(Iterable<CacheEntryEvent<? extends String, ? extends Counted>> batch) {
      record(batch);
    }

    @Override
    public void onRemoved(Iterable<CacheEntryEvent<? extends String, ? extends Counted>> batch) {
      record(batch);
    }

    List<String> take(int count) throws InterruptedException {
      List<String> heard = new ArrayList<>();
      while (heard.size() < count) {
        String event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("event %d of %d within 10 s (heard %s)", heard.size() + 1, count, heard).isNotNull();
        heard.add(event);
      }
      return heard;
    }
  }

  private Cache<String, Counted> cache(CacheManager manager, String name, boolean remoteEvents) {
    return manager.createCache(name, StrataConfiguration.builder(String.class, Counted.class).redisUri(server.uri())
        .serialization(SerializationSettings.none().allowClass(Counted.class)).remoteEvents(remoteEvents).build());
  }

  /** Every kind of write, each heard as one event; returns the encodings they took. */
  private static int writes(Cache<String, Counted> cache) {
    int before = Counted.ENCODINGS.get();
    cache.put("a", new Counted("a1"));
    cache.put("a", new Counted("a2"));
    cache.getAndPut("a", new Counted("a3"));
    cache.replace("a", new Counted("a4"));
    cache.replace("a", new Counted("a4"), new Counted("a5"));
    cache.putIfAbsent("b", new Counted("b1"));
    Map<String, Counted> more = new LinkedHashMap<>();
    more.put("c", new Counted("c1"));
    more.put("d", new Counted("d1"));
    cache.putAll(more);
    cache.invoke("a", (entry, arguments) -> {
      entry.setValue(new Counted(entry.getValue().text + "!"));
      return null;
    });
    cache.remove("b", new Counted("b1"));
    cache.getAndRemove("c");
    cache.remove("a");
    cache.removeAll(Set.of("d"));
    return Counted.ENCODINGS.get() - before;
  }

  private static List<String> ofKey(String key, List<String> heard) {
    return heard.stream().filter(event -> event.split(" ")[1].startsWith(key + "=")).toList();
  }

  @Test
  void aWriteWithRemoteEventsOnEncodesEachValueOnce() throws Exception {
    int off = writes(cache(writerJvm, "off", false));
    assertThat(off).as("one encoding per value written, plus the expected value of each compare").isEqualTo(11);

    Heard heard = new Heard();
    Cache<String, Counted> on = cache(writerJvm, "on", true);
    cache(listenerJvm, "on", true).registerCacheEntryListener(heard.configuration());
    assertThat(writes(on)).as("encodings of the same writes with remote-events on").isEqualTo(off);

    List<String> events = heard.take(13);
    assertThat(ofKey("a", events)).as("the other JVM heard the values the writes stored").containsExactly(
        "CREATED a=a1", "UPDATED a=a2 old=a1", "UPDATED a=a3 old=a2", "UPDATED a=a4 old=a3", "UPDATED a=a5 old=a4",
        "UPDATED a=a5! old=a5", "REMOVED a=a5! old=a5!");
    assertThat(ofKey("b", events)).containsExactly("CREATED b=b1", "REMOVED b=b1 old=b1");
    assertThat(ofKey("c", events)).containsExactly("CREATED c=c1", "REMOVED c=c1 old=c1");
    assertThat(ofKey("d", events)).containsExactly("CREATED d=d1", "REMOVED d=d1 old=d1");
  }

  @Test
  void anObjectChangedAndWrittenAgainIsHeardWithItsChange() throws Exception {
    Heard heard = new Heard();
    Cache<String, Counted> on = cache(writerJvm, "changed", true);
    cache(listenerJvm, "changed", true).registerCacheEntryListener(heard.configuration());
    Counted value = new Counted("first");
    on.put("k", value);
    on.putIfAbsent("k", value);  // refused: no event, and nothing kept for one
    value.text = "second";
    on.put("k", value);
    value.text = "third";
    on.replace("k", value);

    assertThat(heard.take(3)).containsExactly("CREATED k=first", "UPDATED k=second old=first",
        "UPDATED k=third old=second");
  }
}
