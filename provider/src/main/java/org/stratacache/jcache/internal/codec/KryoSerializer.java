package org.stratacache.jcache.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.KryoBufferOverflowException;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.DefaultClassResolver;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.Pool;
import java.io.InputStream;
import java.util.Map;
import org.objenesis.strategy.StdInstantiatorStrategy;
import org.stratacache.jcache.codec.ClassNotAllowedException;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.configuration.DecodeLimits;
import org.stratacache.jcache.configuration.DecodeLimits.Limit;
import org.stratacache.jcache.configuration.SerializationSettings;

/**
 * Kryo serialization for shared stores: pooled Kryo instances with their output buffers, the
 * built-in and registered classes under fixed ids, and a class filter that refuses, before any
 * class is loaded, every class the settings do not allow. Thread-safe.
 */
public final class KryoSerializer implements PrefixedSerializer {

  private static final int POOL_SIZE = 64;
  private static final int BUFFER = 4096;
  private static final int MAX_RETAINED_BUFFER = 1 << 20;

  private final Pool<Worker> pool;
  private final DecodeLimits limits;

  /**
   * A serializer resolving classes through {@code classLoader}.
   *
   * @param settings which classes are allowed, and their ids
   */
  public KryoSerializer(ClassLoader classLoader, SerializationSettings settings) {
    ClassFilter filter = new ClassFilter(settings);
    this.limits = settings.limits();
    this.pool = new Pool<>(true, false, POOL_SIZE) {
      @Override
      protected Worker create() {
        return new Worker((BoundedKryo) newKryo(classLoader, settings, filter), limits);
      }
    };
  }

  /** The bounds reads stay within and writes are checked against. */
  public DecodeLimits limits() {
    return limits;
  }

  private static Kryo newKryo(ClassLoader classLoader, SerializationSettings settings, ClassFilter filter) {
    JavaSerializationSerializer javaSerialization = new JavaSerializationSerializer(filter, classLoader,
        settings.limits());
    Kryo kryo = new BoundedKryo(new FilteringClassResolver(filter), javaSerialization, settings.limits());
    kryo.setRegistrationRequired(false);
    kryo.setReferences(true);
    if (classLoader != null) {
      kryo.setClassLoader(classLoader);
    }
    kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
    ImmutableCollectionsSerializers.addDefaultSerializers(kryo);
    int id = BuiltInTypes.FIRST_ID;
    for (Class<?> type : BuiltInTypes.REGISTERED) {
      Serializer<?> special = JdkSerializers.SERIALIZERS.get(type);
      if (special == null) {
        kryo.register(type, id++);
      } else {
        kryo.register(type, special, id++);
      }
    }
    for (Map.Entry<Class<?>, Integer> registration : settings.registrations().entrySet()) {
      kryo.register(registration.getKey(), registration.getValue());
    }
    return kryo;
  }

  /**
   * Writes {@code header} then {@code value}.
   *
   * @throws ClassNotAllowedException when the value holds a class the settings do not allow
   * @throws CodecException when Kryo cannot serialize it
   */
  @Override
  public byte[] serialize(Object value, byte[] header) {
    Worker worker = pool.obtain();
    try {
      Output output = worker.output;
      output.reset();
      output.writeBytes(header);
      worker.kryo.writeClassAndObject(output, value);
      return output.toBytes();
    } catch (RuntimeException e) {
      // Kryo, a value changed while it was written, a JDK class closed to reflection: all refuse the put
      throw translate(e, "Cannot serialize a value of " + value.getClass().getName());
    } catch (StackOverflowError e) {
      throw tooDeep("Cannot serialize a value of " + value.getClass().getName() + ": it nests values too deeply");
    } finally {
      worker.release();
      pool.free(worker);
    }
  }

  /**
   * Reads one value from {@code bytes[offset..offset+length)}.
   *
   * @throws CodecException when the bytes are not a value this serializer wrote or hold a class
   *                        that is not allowed
   */
  @Override
  public Object deserialize(byte[] bytes, int offset, int length) {
    if (length > limits.decodedSize()) {
      throw DecodeBounds.exceeded(Limit.DECODED_SIZE, "the value has " + length + " bytes", limits.decodedSize());
    }
    Worker worker = pool.obtain();
    try {
      BoundedInput input = worker.input;
      input.setBuffer(bytes, offset, length);
      worker.kryo.startRead();
      Object value = worker.kryo.readClassAndObject(input);
      if (input.position() != offset + length) {
        throw new CodecException((offset + length - input.position()) + " trailing bytes after the value");
      }
      return value;
    } catch (RuntimeException e) {
      // corrupt bytes make Kryo fail in many ways (buffer underflow, bad lengths, casts): all mean the same
      throw translate(e, "Cannot read the stored bytes as a value");
    } catch (OutOfMemoryError e) {
      throw new CodecException("The stored bytes claim a collection or array too large to allocate", e);
    } catch (StackOverflowError e) {
      throw tooDeep("The stored bytes nest values too deeply to read");
    } finally {
      worker.release();
      pool.free(worker);
    }
  }

  /**
   * Reads one value from {@code stream} (a decompressing stream), so that memory follows what is
   * really in the bytes rather than what a header claims, refusing a stream longer than
   * {@code budget} bytes.
   */
  @Override
  public Object deserialize(InputStream stream, long budget) {
    Worker worker = pool.obtain();
    try (BoundedInput input = new BoundedInput(limits, stream, Math.min(budget, limits.decodedSize()), BUFFER)) {
      worker.kryo.startRead();
      Object value = worker.kryo.readClassAndObject(input);
      if (!input.end()) {
        throw new CodecException("trailing bytes after the value");
      }
      return value;
    } catch (RuntimeException e) {
      throw translate(e, "Cannot read the stored bytes as a value");
    } catch (OutOfMemoryError e) {
      throw new CodecException("The stored bytes claim a collection or array too large to allocate", e);
    } catch (StackOverflowError e) {
      throw tooDeep("The stored bytes nest values too deeply to read");
    } finally {
      worker.release();
      pool.free(worker);
    }
  }

  /** Without the overflowed stack as cause: thousands of frames that say nothing more. */
  private static CodecException tooDeep(String message) {
    return new CodecException(message + " (the thread's stack overflowed)");
  }

  private CodecException translate(RuntimeException e, String message) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof CodecException codec) {
        return codec;   // a class refused, a bound passed: already says what and why
      }
      if (cause instanceof KryoBufferOverflowException) {
        return DecodeBounds.exceeded(Limit.DECODED_SIZE, message + ": it serializes to more bytes than a read "
            + "accepts", limits.decodedSize());
      }
      if (cause instanceof KryoException && String.valueOf(cause.getMessage()).startsWith("Max depth exceeded")) {
        return DecodeBounds.exceeded(Limit.DEPTH, message + ": it nests objects more than " + limits.depth()
            + " deep", limits.depth());
      }
    }
    return new CodecException(message + ": " + e.getMessage(), e);
  }

  /** One Kryo instance with its buffers; never shared between threads at the same time. */
  private static final class Worker {
    final BoundedKryo kryo;
    final int maxOutput;
    final Output output;
    final BoundedInput input;

    Worker(BoundedKryo kryo, DecodeLimits limits) {
      this.kryo = kryo;
      // the header, then Kryo bytes no larger than a read accepts
      this.maxOutput = limits.decodedSize() + 16;
      this.output = new Output(BUFFER, maxOutput);
      this.input = new BoundedInput(limits);
    }

    /** Keeps nothing large, and nothing of the last read, in the pool. */
    void release() {
      if (output.getBuffer().length > MAX_RETAINED_BUFFER) {
        output.setBuffer(new byte[BUFFER], maxOutput);
      }
      input.release();
      kryo.startRead();
    }
  }

  /** Refuses classes the filter does not allow, on write and, by name, before loading on read. */
  private static final class FilteringClassResolver extends DefaultClassResolver {

    private final ClassFilter filter;

    FilteringClassResolver(ClassFilter filter) {
      this.filter = filter;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Registration registerImplicit(Class type) {
      if (ClassFilter.cannotBeReadBack(type)) {
        throw new CodecException("A value holds an instance of " + type.getName() + ", a lambda, synthetic or "
            + "anonymous class: such a class has no stable name, so no JVM (not even this one after a restart) "
            + "could read it back. Store a named class (a record, or a class with fields) instead.");
      }
      if (!filter.allows(type)) {
        throw new ClassNotAllowedException(type.getName());
      }
      return super.registerImplicit(type);
    }

    @Override
    protected Class<?> getTypeByName(String className) {
      if (!filter.allows(className)) {
        throw new ClassNotAllowedException(className);
      }
      return super.getTypeByName(className);
    }
  }
}
