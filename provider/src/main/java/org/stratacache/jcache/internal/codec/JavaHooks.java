package org.stratacache.jcache.internal.codec;

import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Which classes rely on Java serialization hooks: {@code readResolve}/{@code writeReplace} keep
 * an identity (singletons such as Spring's {@code NullValue}), {@code readObject}/{@code writeObject}
 * rebuild state that plain field copying misses (such as the transient hash of Spring's
 * {@code SimpleKey}). Field-by-field Kryo would silently break both, so such classes go through
 * Java serialization instead. Answers are cached per class.
 */
public final class JavaHooks {

  private static final ClassValue<Boolean> KEEPS_IDENTITY = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return Serializable.class.isAssignableFrom(type)
          && (declaredUpTheHierarchy(type, "readResolve") || declaredUpTheHierarchy(type, "writeReplace"));
    }
  };

  private static final ClassValue<Boolean> CUSTOMIZES = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return KEEPS_IDENTITY.get(type) || Serializable.class.isAssignableFrom(type) && customStreamMethods(type);
    }
  };

  private JavaHooks() {
  }

  /** A {@code Serializable} class with {@code readResolve} or {@code writeReplace}. */
  public static boolean keepsIdentity(Class<?> type) {
    return KEEPS_IDENTITY.get(type);
  }

  /** {@link #keepsIdentity}, or a class (or superclass) with its own {@code readObject}/{@code writeObject}. */
  static boolean customizesSerialization(Class<?> type) {
    return CUSTOMIZES.get(type);
  }

  private static boolean customStreamMethods(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (declares(c, "readObject", ObjectInputStream.class) || declares(c, "writeObject", ObjectOutputStream.class)) {
        return true;
      }
    }
    return false;
  }

  private static boolean declaredUpTheHierarchy(Class<?> type, String name) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (declares(c, name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean declares(Class<?> type, String name, Class<?>... parameters) {
    for (Method method : type.getDeclaredMethods()) {
      if (method.getName().equals(name) && Arrays.equals(method.getParameterTypes(), parameters)) {
        return true;
      }
    }
    return false;
  }
}
