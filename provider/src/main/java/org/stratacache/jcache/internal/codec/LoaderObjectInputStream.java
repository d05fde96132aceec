package org.stratacache.jcache.internal.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import org.stratacache.jcache.codec.ClassNotAllowedException;
import org.stratacache.jcache.configuration.DecodeLimits;
import org.stratacache.jcache.configuration.DecodeLimits.Limit;

/**
 * Java deserialization that resolves classes through the cache manager's class loader first and,
 * when given a filter, refuses by name, before loading, every class the filter does not allow
 * (superclasses of an allowed class excepted) and every proxy.
 */
public final class LoaderObjectInputStream extends ObjectInputStream {

  private final ClassLoader loader;
  private final JavaSerializationSerializer.Admitted admitted;

  /** {@code filter} may be null for in-process copies of objects the application handed over. */
  public LoaderObjectInputStream(InputStream in, ClassLoader loader, ClassFilter filter) throws IOException {
    super(in);
    this.loader = loader;
    this.admitted = filter == null ? null : new JavaSerializationSerializer.Admitted(filter);
  }

  /**
   * Bounds the stream as {@code jdk.serialFilter}'s {@code maxdepth}, {@code maxarray},
   * {@code maxbytes} and {@code maxrefs} would, checked before each object or array is allocated.
   */
  void bound(DecodeLimits limits, long maxBytes) {
    setObjectInputFilter(info -> {
      if (info.depth() > limits.depth()) {
        throw DecodeBounds.exceeded(Limit.DEPTH, "a Java serialization stream nests objects " + info.depth()
            + " deep", limits.depth());
      }
      if (info.arrayLength() > limits.length()) {
        throw DecodeBounds.exceeded(Limit.LENGTH, "a Java serialization stream claims an array of "
            + info.arrayLength(), limits.length());
      }
      boolean over = info.streamBytes() > maxBytes || info.references() > maxBytes;
      return over ? ObjectInputFilter.Status.REJECTED : ObjectInputFilter.Status.UNDECIDED;
    });
  }

  @Override
  protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
    if (admitted != null) {
      admitted.check(desc.getName());
    }
    Class<?> type;
    try {
      type = Class.forName(desc.getName(), false, loader);
    } catch (ClassNotFoundException e) {
      type = super.resolveClass(desc);
    }
    if (admitted != null) {
      admitted.admit(type);
    }
    return type;
  }

  @Override
  protected Class<?> resolveProxyClass(String[] interfaces) throws IOException, ClassNotFoundException {
    if (admitted != null) {
      throw new ClassNotAllowedException("a proxy implementing " + String.join(", ", interfaces));
    }
    return super.resolveProxyClass(interfaces);
  }
}
