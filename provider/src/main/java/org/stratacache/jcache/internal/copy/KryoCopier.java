package org.stratacache.jcache.internal.copy;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.Pool;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import javax.cache.CacheException;
import org.objenesis.strategy.StdInstantiatorStrategy;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.configuration.DecodeLimits;
import org.stratacache.jcache.configuration.DecodeLimits.Limit;
import org.stratacache.jcache.internal.codec.ClassFilter;
import org.stratacache.jcache.internal.codec.DecodeBounds;
import org.stratacache.jcache.internal.codec.JavaHooks;
import org.stratacache.jcache.internal.codec.LoaderObjectInputStream;
import org.stratacache.jcache.internal.codec.ReadGuard;

/**
 * Store-by-value copies without requiring {@code Serializable}: immutable values are shared, other
 * values are deep-copied by Kryo (pooled instances). Classes that rely on Java serialization
 * hooks ({@code readResolve}/{@code writeReplace}, such as singletons) are copied through Java
 * serialization so that their identity rules hold; so is a {@code Serializable} value that Kryo
 * cannot copy. This copies objects the application handed over, in-process: no untrusted bytes
 * are ever read here.
 */
public final class KryoCopier implements Copier {

  private static final int POOL_SIZE = 64;

  private final ClassLoader classLoader;
  private final Pool<Kryo> pool;
  private final int maxDepth;

  /** A copier that resolves classes, when it must, through {@code classLoader}. */
  public KryoCopier(ClassLoader classLoader) {
    this(classLoader, DecodeLimits.defaults());
  }

  /**
   * A copier refusing, as a read of stored bytes would, values nested deeper than {@code limits}
   * allow and values whose copy would rebuild hash-based collections with more hash-code work.
   */
  public KryoCopier(ClassLoader classLoader, DecodeLimits limits) {
    this.classLoader = classLoader;
    this.maxDepth = limits.depth();
    this.pool = new Pool<>(true, false, POOL_SIZE) {
      @Override
      protected Kryo create() {
        Kryo kryo = new Kryo() {
          private final ReadGuard guard = new ReadGuard(limits);
          private int depth;

          @Override
          @SuppressWarnings({"rawtypes", "unchecked"})
          public Serializer getDefaultSerializer(Class type) {
            return type.isRecord() ? new RecordCopySerializer<>(type) : super.getDefaultSerializer(type);
          }

          @Override
          public <T> T copy(T object) {
            if (object != null && ClassFilter.cannotBeReadBack(object.getClass())) {
              throw noStableName(object.getClass());
            }
            if (depth++ == 0) {
              guard.reset();
            }
            try {
              // a copy rebuilds hash-based collections as a read does: the same bounds
              guard.enter(object == null ? null : object.getClass());
              return guard.exit(super.copy(object));
            } finally {
              depth--;
            }
          }
        };
        kryo.setRegistrationRequired(false);
        kryo.setReferences(true);
        kryo.setClassLoader(classLoader);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        ImmutableCollectionsSerializers.addDefaultSerializers(kryo);
        return kryo;
      }
    };
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T copy(T object) {
    if (object == null || ImmutableTypes.isImmutable(object)) {
      return object;
    }
    Object array = PrimitiveArrays.copy(object);
    if (array != null) {
      return (T) array;  // the cheapest correct copy: no Kryo instance, no graph walk
    }
    Class<?> type = object.getClass();
    if (ClassFilter.cannotBeReadBack(type)) {
      throw noStableName(type);
    }
    if (JavaHooks.keepsIdentity(type)) {
      return javaCopy(object, null);
    }
    Kryo kryo = pool.obtain();
    try {
      return kryo.copy(object);
    } catch (StackOverflowError e) {
      throw DecodeBounds.exceeded(Limit.DEPTH, "a value of " + type.getName() + " nests objects too deeply to "
          + "copy (the thread's stack overflowed)", maxDepth);
    } catch (RuntimeException kryoFailure) {
      for (Throwable cause = kryoFailure; cause != null; cause = cause.getCause()) {
        if (cause instanceof CodecException refused) {
          throw refused;   // a bound or a class without a name: Java serialization would not do better
        }
      }
      if (object instanceof Serializable) {
        return javaCopy(object, kryoFailure);
      }
      throw cannotCopy(type, kryoFailure);
    } finally {
      pool.free(kryo);
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T javaCopy(T object, RuntimeException kryoFailure) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(object);
      }
      try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()),
          classLoader, null)) {
        return (T) in.readObject();
      }
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      if (kryoFailure != null) {
        e.addSuppressed(kryoFailure);
      }
      throw cannotCopy(object.getClass(), e);
    }
  }

  private static CodecException noStableName(Class<?> type) {
    return new CodecException("A value holds an instance of " + type.getName() + ", a lambda, synthetic or "
        + "anonymous class, which a store-by-value cache cannot copy as a value: store a named class (a record, "
        + "or a class with fields) instead, or configure the cache as store-by-reference "
        + "(MutableConfiguration.setStoreByValue(false)).");
  }

  private static CacheException cannotCopy(Class<?> type, Exception cause) {
    return new CacheException("Cannot copy a value of " + type.getName() + " for a store-by-value cache ("
        + cause.getClass().getSimpleName() + ": " + cause.getMessage() + "). Either configure the cache "
        + "as store-by-reference (MutableConfiguration.setStoreByValue(false)), make the class Serializable, "
        + "or give it a no-argument constructor and plain fields that Kryo can copy.", cause);
  }
}
