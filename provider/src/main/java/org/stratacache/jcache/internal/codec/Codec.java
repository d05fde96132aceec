package org.stratacache.jcache.internal.codec;

/**
 * One layer of the stored format over the bytes of the layer below it (compression, encryption),
 * owning one flag of the envelope's flags byte: it sets the flag on what it encodes and undoes only
 * what carries the flag. Layers stack over a serializer; {@link ValueCodec} writes and reads the
 * envelope around them. Thread-safe.
 */
public interface Codec {

  /** The flag (one bit of the envelope's flags byte) this layer owns. */
  int flag();

  /**
   * {@code payload} encoded by this layer, with its flag set; or {@code payload} itself when the
   * layer leaves it as it is (compression that would not pay).
   */
  Payload encode(Payload payload);

  /**
   * {@code payload} with this layer undone and its flag cleared; or {@code payload} itself when it
   * does not carry the flag.
   *
   * @throws org.stratacache.jcache.codec.CodecException when the bytes are corrupt, pass a bound, or are
   *                                                     refused (a plaintext value where encryption is required)
   */
  Payload decode(Payload payload);
}
