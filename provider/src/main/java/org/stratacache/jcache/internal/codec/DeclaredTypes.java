package org.stratacache.jcache.internal.codec;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Set;
import org.stratacache.jcache.configuration.SerializationSettings;

/**
 * The declared key and value types of a cache on a serializing store: allowed with it, and the classes
 * their fields are declared with checked against the allow-list when the cache is created, so that a
 * class nobody allowed fails {@code createCache} rather than the first write. Only what the
 * declarations name is checked: a field of an interface, abstract or {@code Object} type holds classes
 * only known when written (the write checks them), and JDK classes are not looked into.
 */
public final class DeclaredTypes {

  private static final int MAX_CLASSES = 500;

  private DeclaredTypes() {
  }

  /** {@code settings} plus the cache's declared key and value types. */
  public static SerializationSettings allowing(SerializationSettings settings, Class<?> keyType, Class<?> valueType) {
    SerializationSettings allowed = settings;
    for (Class<?> type : new Class<?>[] {keyType, valueType}) {
      if (type != null && type != Object.class && !type.isPrimitive() && !ClassFilter.cannotBeReadBack(type)) {
        allowed = allowed.allowClass(type);
      }
    }
    return allowed;
  }

  /**
   * Checks the classes the fields of {@code valueType} (and of the classes they name) are declared with.
   *
   * @param settings the cache's settings, its declared types allowed ({@link #allowing})
   * @throws IllegalArgumentException naming the first class not allowed, the field that holds it, and
   *                                  both forms of the fix (code and configuration file)
   */
  public static void check(String cacheName, SerializationSettings settings, Class<?> valueType) {
    if (valueType == null) {
      return;
    }
    ClassFilter filter = new ClassFilter(settings);
    Set<Class<?>> seen = new HashSet<>();
    String refused = refused(filter, valueType, valueType.getName(), seen);
    if (refused != null) {
      throw new IllegalArgumentException("Cache '" + cacheName + "': " + refused);
    }
  }

  private static String refused(ClassFilter filter, Class<?> declared, String path, Set<Class<?>> seen) {
    Class<?> type = declared;
    while (type.isArray()) {
      type = type.getComponentType();
    }
    if (type.isPrimitive() || type == Object.class || type.isInterface() || !seen.add(type)
        || seen.size() > MAX_CLASSES) {
      return null;
    }
    if (Modifier.isAbstract(type.getModifiers()) && !type.isEnum()) {
      return null;
    }
    if (!filter.allows(type)) {
      return message(type, path);
    }
    if (isJdk(type) || type.isEnum()) {
      return null;
    }
    for (Class<?> owner = type; owner != null && owner != Object.class && !isJdk(owner);
         owner = owner.getSuperclass()) {
      for (Field field : owner.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
          continue;
        }
        String fieldPath = path + "." + field.getName();
        String found = refused(filter, field.getType(), fieldPath, seen);
        if (found == null) {
          found = typeArguments(filter, field.getGenericType(), fieldPath, seen);
        }
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The classes named as type arguments of a field such as {@code List<Customer>}. */
  private static String typeArguments(ClassFilter filter, Type generic, String path, Set<Class<?>> seen) {
    if (generic instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        String found = argument instanceof Class<?> type ? refused(filter, type, path + "<>", seen)
            : typeArguments(filter, argument, path, seen);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static boolean isJdk(Class<?> type) {
    String name = type.getName();
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.");
  }

  private static String message(Class<?> type, String path) {
    String name = type.getName();
    int dot = name.lastIndexOf('.');
    String packageName = dot < 0 ? "" : name.substring(0, dot);
    String simple = (dot < 0 ? name : name.substring(dot + 1)).replace('$', '.');
    return "Values of this cache hold " + name + " (" + path + "), a class not allowed for serialization to a "
        + "shared store (Redis), so the first write would fail. Allow it in code: StrataConfiguration.builder(...)"
        + ".serialization(SerializationSettings.none().allowClass(" + simple + ".class)) or .allowPackage(\""
        + packageName + "\"); or in the configuration file: serialization.allowed-packages: [" + packageName
        + "] (as a property or in Spring: strata.serialization.allowed-packages=" + packageName + ")";
  }
}
