package org.stratacache.jcache.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;
import org.stratacache.jcache.codec.ClassNotAllowedException;
import org.stratacache.jcache.configuration.DecodeLimits;

/**
 * Writes a value whose class has Java serialization hooks ({@link JavaHooks}) with Java
 * serialization, inside the Kryo stream, so that {@code readObject} and {@code readResolve} run on
 * read. Every class in the Java stream passes the same {@link ClassFilter} as the Kryo classes, on
 * write and, by name before loading, on read; superclasses of an allowed class are allowed, and
 * proxies never. The Java stream is bounded as {@code jdk.serialFilter} would bound it: its depth,
 * array lengths, bytes and references.
 */
final class JavaSerializationSerializer extends Serializer<Object> {

  private final ClassFilter filter;
  private final ClassLoader loader;
  private final DecodeLimits limits;

  JavaSerializationSerializer(ClassFilter filter, ClassLoader loader, DecodeLimits limits) {
    this.filter = filter;
    this.loader = loader;
    this.limits = limits;
  }

  @Override
  public void write(Kryo kryo, Output output, Object object) {
    try {
      FilteringOutputStream out = new FilteringOutputStream(output, filter);
      out.writeObject(object);
      out.flush();
    } catch (IOException e) {
      throw new KryoException("Java serialization of " + object.getClass().getName() + " failed", e);
    }
  }

  @Override
  public Object read(Kryo kryo, Input input, Class<?> type) {
    try {
      // the bytes left before the stream's header: Java counts its header and its read-ahead
      long remaining = input instanceof BoundedInput bounded ? bounded.remaining() : limits.decodedSize();
      LoaderObjectInputStream in = new LoaderObjectInputStream(input, loader, filter);
      in.bound(limits, remaining);
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new KryoException("Java serialization of " + type.getName() + " cannot be read", e);
    }
  }

  /** Classes a stream has met: allowed ones and, implicitly, their superclasses. */
  static final class Admitted {
    private final ClassFilter filter;
    private final Set<String> supertypes = new HashSet<>();

    Admitted(ClassFilter filter) {
      this.filter = filter;
    }

    void check(String name) {
      if (!supertypes.contains(name) && !filter.allows(name)) {
        throw new ClassNotAllowedException(name);
      }
    }

    void admit(Class<?> type) {
      for (Class<?> s = type.getSuperclass(); s != null; s = s.getSuperclass()) {
        supertypes.add(s.getName());
      }
    }
  }

  private static final class FilteringOutputStream extends ObjectOutputStream {
    private final Admitted admitted;

    FilteringOutputStream(OutputStream out, ClassFilter filter) throws IOException {
      super(out);
      this.admitted = new Admitted(filter);
    }

    @Override
    protected void annotateClass(Class<?> type) {
      admitted.check(type.getName());
      admitted.admit(type);
    }

    @Override
    protected void annotateProxyClass(Class<?> type) {
      throw new ClassNotAllowedException(type.getName());
    }
  }
}
