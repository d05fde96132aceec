package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * What a cache's event subscription hears, whatever the deployment: messages on its event channel
 * ({@code <namespace>events}) and the expirations of its own keys, from a pattern subscription to
 * {@code __keyspace@<db>__:<namespace>*}, so Redis sends each cache only its own expirations.
 */
abstract class EventInbox extends RedisPubSubAdapter<byte[], byte[]> {

  private static final byte[] EXPIRED = "expired".getBytes(StandardCharsets.US_ASCII);

  final byte[] eventChannel;
  final byte[] keyspacePattern;
  private final int keyspacePrefixLength;
  private final Consumer<byte[]> onEvent;
  private final Consumer<byte[]> onExpired;

  /**
   * Hears the events of the cache of {@code namespace} in {@code database}.
   *
   * @param namespace the cache's key namespace (no glob characters: {@link KeyCodec} escapes them)
   */
  EventInbox(String namespace, int database, Consumer<byte[]> onEvent, Consumer<byte[]> onExpired) {
    this.eventChannel = channel(namespace).getBytes(StandardCharsets.UTF_8);
    String keyspace = "__keyspace@" + database + "__:";
    this.keyspacePrefixLength = keyspace.length();
    this.keyspacePattern = (keyspace + namespace + "*").getBytes(StandardCharsets.UTF_8);
    this.onEvent = onEvent;
    this.onExpired = onExpired;
  }

  /** The pub/sub channel of a cache's events: its namespace followed by {@code events}. */
  static String channel(String namespace) {
    return namespace + "events";
  }

  @Override
  public final void message(byte[] channel, byte[] message) {
    if (Arrays.equals(channel, eventChannel)) {
      onEvent.accept(message);
    }
  }

  @Override
  public final void message(byte[] pattern, byte[] channel, byte[] message) {
    if (Arrays.equals(pattern, keyspacePattern) && Arrays.equals(message, EXPIRED)) {
      onExpired.accept(Arrays.copyOfRange(channel, keyspacePrefixLength, channel.length));
    }
  }

  /** The event channel, for messages. */
  final String channelName() {
    return new String(eventChannel, StandardCharsets.UTF_8);
  }
}
