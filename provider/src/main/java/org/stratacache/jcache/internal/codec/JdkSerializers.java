package org.stratacache.jcache.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ImmutableSerializer;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** Serializers for built-in JDK types Kryo has none for (its field serializer cannot open {@code java.base}). */
final class JdkSerializers {

  /** Types that need one of these serializers, and the serializer. */
  static final Map<Class<?>, Serializer<?>> SERIALIZERS = Map.of(
      UUID.class, new UuidSerializer(),
      URI.class, new UriSerializer());

  private JdkSerializers() {
  }

  /** Two longs. */
  private static final class UuidSerializer extends ImmutableSerializer<UUID> {
    @Override
    public void write(Kryo kryo, Output output, UUID uuid) {
      output.writeLong(uuid.getMostSignificantBits());
      output.writeLong(uuid.getLeastSignificantBits());
    }

    @Override
    public UUID read(Kryo kryo, Input input, Class<? extends UUID> type) {
      return new UUID(input.readLong(), input.readLong());
    }
  }

  /** The URI's string form. */
  private static final class UriSerializer extends ImmutableSerializer<URI> {
    @Override
    public void write(Kryo kryo, Output output, URI uri) {
      output.writeString(uri.toString());
    }

    @Override
    public URI read(Kryo kryo, Input input, Class<? extends URI> type) {
      return URI.create(input.readString());
    }
  }
}
