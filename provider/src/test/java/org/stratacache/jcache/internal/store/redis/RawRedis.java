package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import org.stratacache.testing.redis.RedisServer;

/** A raw byte-array Lettuce connection on its own client, for looking under the hood; closing it closes both. */
public final class RawRedis implements AutoCloseable {

  private final RedisClient client;
  private final StatefulRedisConnection<byte[], byte[]> connection;

  private RawRedis(String uri) {
    client = RedisClient.create();
    connection = client.connect(ByteArrayCodec.INSTANCE, RedisURI.create(uri));
  }

  /** A raw connection to the shared test server. */
  public static RawRedis shared() {
    return to(RedisServer.sharedUri());
  }

  /** A raw connection to the server at this URI. */
  public static RawRedis to(String uri) {
    return new RawRedis(uri);
  }

  /** Synchronous commands on the connection. */
  public RedisCommands<byte[], byte[]> sync() {
    return connection.sync();
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
