package org.stratacache.jcache.fuzz;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Objects;

/** An allowed class with a Java serialization hook, so it travels as a Java stream inside the Kryo bytes. */
public final class Hooked implements Serializable {

  private static final long serialVersionUID = 1L;
  private final Object content;
  private transient int hash;

  public Hooked(Object content) {
    this.content = content;
    this.hash = Objects.hashCode(content);
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    hash = Objects.hashCode(content);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Hooked that && Objects.equals(content, that.content);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
