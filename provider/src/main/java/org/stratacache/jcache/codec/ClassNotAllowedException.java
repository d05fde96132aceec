package org.stratacache.jcache.codec;

/** A class that the serialization settings do not allow was about to be written or read. */
public final class ClassNotAllowedException extends CodecException {

  private static final long serialVersionUID = 1L;

  private final String className;

  /** The class named {@code className} is not allowed. */
  public ClassNotAllowedException(String className) {
    this(className, element(className));
  }

  private ClassNotAllowedException(String className, String element) {
    super("Class " + (element.equals(className) ? className : element + " (in array " + className + ")")
        + " is not allowed for serialization to a shared store. Register it with "
        + "StrataConfiguration.builder(...).serialization(SerializationSettings.none().register(" + simple(element)
        + ".class, <id from 100>)), allow it with .allowClass(" + simple(element) + ".class), or allow its "
        + "package with .allowPackage(\"" + packageOf(element) + "\"); or in the configuration file: "
        + "serialization.allowed-packages: [" + packageOf(element) + "] (as a property or in Spring: "
        + "strata.serialization.allowed-packages=" + packageOf(element) + ")");
    this.className = className;
  }

  /** The class that was refused. */
  public String className() {
    return className;
  }

  /** The element class of an array type name such as {@code [Ljava.io.Serializable;}. */
  private static String element(String className) {
    int dimensions = 0;
    while (dimensions < className.length() && className.charAt(dimensions) == '[') {
      dimensions++;
    }
    boolean objectArray = dimensions > 0 && dimensions < className.length() && className.charAt(dimensions) == 'L';
    if (objectArray && className.endsWith(";")) {
      return className.substring(dimensions + 1, className.length() - 1);
    }
    return className;
  }

  private static String simple(String className) {
    int dot = className.lastIndexOf('.');
    return (dot < 0 ? className : className.substring(dot + 1)).replace('$', '.');
  }

  private static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }
}
