package org.stratacache.jcache.internal.copy;

/**
 * Copies of arrays of primitives ({@code byte[]} above all: serialized payloads, images, protobuf
 * bytes): a {@code clone()} is a complete copy of them, far cheaper than a serializer's.
 */
final class PrimitiveArrays {

  private PrimitiveArrays() {
  }

  /** A copy of {@code object} when it is an array of a primitive type, otherwise {@code null}. */
  static Object copy(Object object) {
    if (object instanceof byte[] bytes) {
      return bytes.clone();
    }
    if (!object.getClass().isArray()) {
      return null;
    }
    if (object instanceof int[] ints) {
      return ints.clone();
    }
    if (object instanceof long[] longs) {
      return longs.clone();
    }
    if (object instanceof char[] chars) {
      return chars.clone();
    }
    if (object instanceof double[] doubles) {
      return doubles.clone();
    }
    if (object instanceof float[] floats) {
      return floats.clone();
    }
    if (object instanceof short[] shorts) {
      return shorts.clone();
    }
    return object instanceof boolean[] booleans ? booleans.clone() : null;
  }
}
