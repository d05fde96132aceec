package org.stratacache.jcache.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.CollectionSerializer;
import com.esotericsoftware.kryo.serializers.MapSerializer;

/**
 * Checks the length an array, collection or map claims, before Kryo's serializer reads it and
 * allocates that many slots: the claim is the serializer's first varint (plus one, zero standing
 * for null). Writes exactly what the wrapped serializer writes.
 */
final class ClaimCheckingSerializer<T> extends Serializer<T> {

  private final Serializer<T> delegate;
  private final boolean flagged;
  private final String what;

  private ClaimCheckingSerializer(Serializer<T> delegate, boolean flagged, String what) {
    super(delegate.getAcceptsNull(), delegate.isImmutable());
    this.delegate = delegate;
    this.flagged = flagged;
    this.what = what;
  }

  /** {@code serializer} with its claims checked, when it is one that allocates for a claimed length. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static Serializer wrap(Class<?> type, Serializer serializer) {
    if (serializer instanceof ClaimCheckingSerializer) {
      return serializer;
    }
    if (type.isArray()) {
      return new ClaimCheckingSerializer(serializer, false, "an array");
    }
    if (serializer instanceof CollectionSerializer) {
      return new ClaimCheckingSerializer(serializer, true, "a collection");
    }
    if (serializer instanceof MapSerializer) {
      return new ClaimCheckingSerializer(serializer, false, "a map");
    }
    return serializer;
  }

  @Override
  public void write(Kryo kryo, Output output, T object) {
    delegate.write(kryo, output, object);
  }

  @Override
  public T read(Kryo kryo, Input input, Class<? extends T> type) {
    if (input instanceof BoundedInput bounded) {
      long claim = flagged ? bounded.peekFlagVarInt() : bounded.peekVarInt();
      if (claim > 1) {
        bounded.claim(claim - 1, what);
      }
    }
    return delegate.read(kryo, input, type);
  }

  @Override
  public T copy(Kryo kryo, T original) {
    return delegate.copy(kryo, original);
  }
}
