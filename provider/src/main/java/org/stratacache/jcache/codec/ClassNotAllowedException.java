package org.stratacache.jcache.codec;

/** A class that the serialization settings do not allow was about to be written or read. */
public final class ClassNotAllowedException extends CodecException {

  private static final long serialVersionUID = 1L;

  private final String className;

  /** The class named {@code className} is not allowed. */
  public ClassNotAllowedException(String className) {
    super("Class " + className + " is not allowed for serialization to a shared store. Register it with "
        + "StrataConfiguration.builder(...).serialization(SerializationSettings.none().register(" + simple(className)
        + ".class, <id from 100>)), allow it with .allowClass(" + simple(className) + ".class), or allow its "
        + "package with .allowPackage(\"" + packageOf(className) + "\") (or the strata.serialization.allowed-packages "
        + "setting)");
    this.className = className;
  }

  /** The class that was refused. */
  public String className() {
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
