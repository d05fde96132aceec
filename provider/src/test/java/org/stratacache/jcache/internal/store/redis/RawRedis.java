package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.stratacache.testing.redis.RedisServer;

/** A raw byte-array Lettuce connection on its own client, for looking under the hood; closing it closes both. */
final class RawRedis implements AutoCloseable {

  private final RedisClient client;
  private final StatefulRedisConnection<byte[], byte[]> connection;

  private RawRedis(String uri) {
    client = RedisClient.create();
    connection = client.connect(ByteArrayCodec.INSTANCE, RedisURI.create(uri));
  }

  /** A raw connection to the shared test server. */
  static RawRedis shared() {
    return to(RedisServer.sharedUri());
  }

  /** A raw connection to the server at this URI. */
  static RawRedis to(String uri) {
    return new RawRedis(uri);
  }

  /** Synchronous commands on the connection. */
  RedisCommands<byte[], byte[]> sync() {
    return connection.sync();
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
