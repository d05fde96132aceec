package org.stratacache.jcache.internal.codec;

import java.util.HashSet;
import java.util.Set;
import org.stratacache.jcache.configuration.SerializationSettings;

/**
 * Decides, by class or by name, whether a class may be serialized to or read from a shared store:
 * the built-in types, the frameworks' own key and entry types ({@link FrameworkTypes}), registered and
 * allowed classes, allowed packages, and arrays and enums of them.
 */
public final class ClassFilter {

  private final Set<String> classes = new HashSet<>();
  private final Set<String> packages;

  ClassFilter(SerializationSettings settings) {
    BuiltInTypes.REGISTERED.forEach(type -> classes.add(type.getName()));
    BuiltInTypes.ALLOWED.forEach(type -> classes.add(type.getName()));
    classes.addAll(FrameworkTypes.ALLOWED);
    settings.registrations().keySet().forEach(type -> classes.add(type.getName()));
    classes.addAll(settings.allowedClasses());
    this.packages = Set.copyOf(settings.allowedPackages());
  }

  boolean allows(Class<?> type) {
    Class<?> element = type;
    while (element.isArray()) {
      element = element.getComponentType();
    }
    if (element.isPrimitive()) {
      return true;
    }
    if (element.isAnonymousClass() && element.getSuperclass() != null && element.getSuperclass().isEnum()) {
      element = element.getSuperclass();
    }
    return allows(element.getName());
  }

  /**
   * Whether instances of {@code type} can never be read back from their bytes: lambdas and other
   * hidden or synthetic classes, and anonymous classes (their names change with the source), enum
   * constants with a body excepted.
   */
  public static boolean cannotBeReadBack(Class<?> type) {
    Class<?> element = type;
    while (element.isArray()) {
      element = element.getComponentType();
    }
    if (element.isHidden() || element.isSynthetic()) {
      return true;
    }
    return element.isAnonymousClass() && (element.getSuperclass() == null || !element.getSuperclass().isEnum());
  }

  boolean allows(String className) {
    String name = className;
    if (name.startsWith("[")) {
      int dimensions = 0;
      while (dimensions < name.length() && name.charAt(dimensions) == '[') {
        dimensions++;
      }
      if (name.length() == dimensions + 1) {
        return true;
      }
      if (name.charAt(dimensions) != 'L' || !name.endsWith(";")) {
        return false;
      }
      name = name.substring(dimensions + 1, name.length() - 1);
    }
    if (classes.contains(name)) {
      return true;
    }
    for (String allowed : packages) {
      if (name.startsWith(allowed) && name.length() > allowed.length() && name.charAt(allowed.length()) == '.') {
        return true;
      }
    }
    return false;
  }
}
