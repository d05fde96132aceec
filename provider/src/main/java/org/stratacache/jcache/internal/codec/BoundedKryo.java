package org.stratacache.jcache.internal.codec;

import com.esotericsoftware.kryo.ClassResolver;
import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.serializers.FieldSerializer;
import org.stratacache.jcache.configuration.DecodeLimits;

/**
 * Kryo for stored values: classes with Java serialization hooks keep Java's rules, serializers
 * that allocate for a claimed length have the claim checked first ({@link ClaimCheckingSerializer}),
 * and every object read passes its {@link ReadGuard} (nesting depth, hash-code work). Not
 * thread-safe: one per pooled worker.
 */
final class BoundedKryo extends Kryo {

  private final Serializer<Object> javaSerialization;
  private final ReadGuard guard;

  BoundedKryo(ClassResolver resolver, Serializer<Object> javaSerialization, DecodeLimits limits) {
    super(resolver, null);
    this.javaSerialization = javaSerialization;
    this.guard = new ReadGuard(limits);
    // writes too: a value nested deeper than a read allows is refused at put
    setMaxDepth(limits.depth() + 1);
  }

  /** Starts a read: nothing of the previous one counts. */
  void startRead() {
    guard.reset();
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Serializer getDefaultSerializer(Class type) {
    Serializer<?> fields = super.getDefaultSerializer(type);
    // field-by-field Kryo would skip readObject/readResolve: such classes keep Java's rules
    boolean hooks = fields instanceof FieldSerializer && JavaHooks.customizesSerialization(type);
    return hooks ? javaSerialization : ClaimCheckingSerializer.wrap(type, fields);
  }

  @Override
  public Registration readClass(Input input) {
    Registration registration = super.readClass(input);
    if (registration != null) {
      guard.type(registration.getType());
    }
    return registration;
  }

  // each override enters the guard, then leaves it with what Kryo read; no lambda: stack frames are the bound

  @Override
  public <T> T readObject(Input input, Class<T> type) {
    guard.enter(type);
    return guard.exit(super.readObject(input, type));
  }

  @Override
  @SuppressWarnings("rawtypes")
  public <T> T readObject(Input input, Class<T> type, Serializer serializer) {
    guard.enter(type);
    return guard.exit(super.readObject(input, type, serializer));
  }

  @Override
  public <T> T readObjectOrNull(Input input, Class<T> type) {
    guard.enter(type);
    return guard.exit(super.readObjectOrNull(input, type));
  }

  @Override
  @SuppressWarnings("rawtypes")
  public <T> T readObjectOrNull(Input input, Class<T> type, Serializer serializer) {
    guard.enter(type);
    return guard.exit(super.readObjectOrNull(input, type, serializer));
  }

  @Override
  public Object readClassAndObject(Input input) {
    guard.enter(null);
    return guard.exit(super.readClassAndObject(input));
  }
}
