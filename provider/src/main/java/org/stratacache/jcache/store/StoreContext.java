package org.stratacache.jcache.store;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.stratacache.jcache.expiry.Ticker;

/**
 * What a {@link StoreProvider} gets to build the store of one cache: the cache's name, its key and
 * value types, the clock expiry instants refer to, the sink of the store's own expirations and
 * evictions, and the configuration sections the provider asked for ({@link StoreProvider#sections()}),
 * never the whole configuration. Immutable.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class StoreContext<K, V> {

  private final String cacheName;
  private final Class<K> keyType;
  private final Class<V> valueType;
  private final Ticker ticker;
  private final StoreEventSink<K, V> sink;
  private final Map<Class<?>, Object> sections;

  private StoreContext(String cacheName, Class<K> keyType, Class<V> valueType, Ticker ticker,
                       StoreEventSink<K, V> sink, Map<Class<?>, ?> sections) {
    this.cacheName = Objects.requireNonNull(cacheName, "cacheName");
    this.keyType = Objects.requireNonNull(keyType, "keyType");
    this.valueType = Objects.requireNonNull(valueType, "valueType");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.sections = Collections.unmodifiableMap(new HashMap<>(sections));
  }

  /**
   * A context.
   *
   * @param sections each section class the provider asked for, with the cache's section of that class
   *                 ({@code null} values allowed: an optional section the cache does not set)
   */
  public static <K, V> StoreContext<K, V> of(String cacheName, Class<K> keyType, Class<V> valueType, Ticker ticker,
                                             StoreEventSink<K, V> sink, Map<Class<?>, ?> sections) {
    return new StoreContext<>(cacheName, keyType, valueType, ticker, sink, sections);
  }

  /** The cache's name (a remote store uses it in its key namespace). */
  public String cacheName() {
    return cacheName;
  }

  /** The key type ({@code Object.class} when unchecked). */
  public Class<K> keyType() {
    return keyType;
  }

  /** The value type ({@code Object.class} when unchecked). */
  public Class<V> valueType() {
    return valueType;
  }

  /** The clock expiry instants refer to. */
  public Ticker ticker() {
    return ticker;
  }

  /** Told of expirations and evictions the store makes on its own. */
  public StoreEventSink<K, V> sink() {
    return sink;
  }

  /**
   * The cache's section of class {@code type}, or {@code null} for an optional section it leaves unset.
   *
   * @throws IllegalArgumentException when the provider did not ask for {@code type}
   */
  public <S> S section(Class<S> type) {
    if (!sections.containsKey(type)) {
      throw new IllegalArgumentException("the store provider did not ask for " + type.getSimpleName()
          + " (StoreProvider.sections())");
    }
    return type.cast(sections.get(type));
  }
}
