package org.stratacache.jcache.codec;

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

  /** A copier that resolves classes, when it must, through {@code classLoader}. */
  public KryoCopier(ClassLoader classLoader) {
    this.classLoader = classLoader;
    this.pool = new Pool<>(true, false, POOL_SIZE) {
      @Override
      protected Kryo create() {
        Kryo kryo = new Kryo() {
          @Override
          @SuppressWarnings({"rawtypes", "unchecked"})
          public Serializer getDefaultSerializer(Class type) {
            return type.isRecord() ? new RecordCopySerializer<>(type) : super.getDefaultSerializer(type);
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
  public <T> T copy(T object) {
    if (object == null || ImmutableTypes.isImmutable(object)) {
      return object;
    }
    Class<?> type = object.getClass();
    if (JavaHooks.keepsIdentity(type)) {
      return javaCopy(object, null);
    }
    Kryo kryo = pool.obtain();
    try {
      return kryo.copy(object);
    } catch (RuntimeException kryoFailure) {
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

  private static CacheException cannotCopy(Class<?> type, Exception cause) {
    return new CacheException("Cannot copy a value of " + type.getName() + " for a store-by-value cache ("
        + cause.getClass().getSimpleName() + ": " + cause.getMessage() + "). Either configure the cache "
        + "as store-by-reference (MutableConfiguration.setStoreByValue(false)), make the class Serializable, "
        + "or give it a no-argument constructor and plain fields that Kryo can copy.", cause);
  }
}
