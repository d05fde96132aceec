package org.stratacache.jcache.internal.codec;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.configuration.EncryptionSettings;

/**
 * AES-256-GCM encryption, flag bit 1: the outermost layer, over a payload that follows the two-byte
 * envelope header (see {@link ValueCodec}). The sealed form is the header, a two-byte key id, a
 * 12-byte random nonce, then the ciphertext and its 16-byte tag. The header and key id are
 * authenticated as associated data, so no byte of the stored value can change unnoticed. Keys come
 * from a ring, so values written with an older key still read; with {@code encryption.require} a
 * value without the flag is refused. Thread-safe: each thread reuses its own {@link Cipher}.
 */
public final class EncryptingCodec implements Codec {

  /** The payload is encrypted. */
  public static final int FLAG = 2;

  private static final int HEADER = ValueCodec.HEADER;
  private static final int AAD = HEADER + 2;
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(EncryptingCodec::newCipher);

  private final Map<Integer, SecretKeySpec> ring = new TreeMap<>();
  private final int currentId;
  private final SecretKeySpec current;
  private final boolean required;
  private final Consumer<byte[]> nonces;

  /** A codec over validated {@code settings}, with nonces from a {@link SecureRandom}. */
  public EncryptingCodec(EncryptionSettings settings) {
    this(settings, new SecureRandom()::nextBytes);
  }

  /** A codec taking nonces from {@code nonces} (tests pin the format with a fixed nonce). */
  EncryptingCodec(EncryptionSettings settings, Consumer<byte[]> nonces) {
    settings.keys().forEach((id, key) -> ring.put(id, new SecretKeySpec(key, "AES")));
    this.currentId = settings.currentKey();
    this.current = ring.get(currentId);
    if (current == null) {
      throw new IllegalArgumentException("encryption.current-key " + currentId + " is not in the key ring "
          + ring.keySet());
    }
    this.required = settings.isRequired();
    this.nonces = nonces;
  }

  /** Whether values stored without encryption must be refused. */
  boolean required() {
    return required;
  }

  @Override
  public int flag() {
    return FLAG;
  }

  @Override
  public Payload encode(Payload payload) {
    int flags = payload.flags() | FLAG;
    byte[] sealed = seal(ValueCodec.VERSION, flags, payload.bytes(), payload.offset(), payload.length());
    return Payload.of(flags, sealed, HEADER, sealed.length - HEADER);
  }

  /**
   * The payload of an encrypted value, which this layer reads whole, its envelope header included
   * (the layer is outermost: the header is authenticated).
   */
  @Override
  public Payload decode(Payload payload) {
    if (!payload.has(FLAG)) {
      if (required) {
        throw new CodecException("Stored value is not encrypted, and this cache requires encryption "
            + "(encryption.require): written by a client without the keys, or planted");
      }
      return payload;
    }
    if (payload.offset() != HEADER || payload.isStreamed()) {
      throw new IllegalStateException("Encryption must be the outermost layer of the codec chain");
    }
    byte[] plain = open(payload.bytes());
    return Payload.of(payload.flags() & ~FLAG, plain, 0, plain.length);
  }

  /** {@code header} then the sealed {@code payload[offset..offset+length)}. */
  byte[] seal(byte version, int flags, byte[] payload, int offset, int length) {
    byte[] sealed = new byte[AAD + NONCE + length + TAG_BITS / 8];
    sealed[0] = version;
    sealed[1] = (byte) flags;
    sealed[2] = (byte) (currentId >>> 8);
    sealed[3] = (byte) currentId;
    byte[] nonce = new byte[NONCE];
    nonces.accept(nonce);
    System.arraycopy(nonce, 0, sealed, AAD, NONCE);
    Cipher cipher = CIPHERS.get();
    try {
      cipher.init(Cipher.ENCRYPT_MODE, current, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(sealed, 0, AAD);
      cipher.doFinal(payload, offset, length, sealed, AAD + NONCE);
    } catch (GeneralSecurityException e) {
      throw new CodecException("Cannot encrypt the value: " + e.getClass().getSimpleName(), e);
    }
    return sealed;
  }

  /**
   * The payload of a sealed value.
   *
   * @throws CodecException when the key id is not in the ring, or the value does not authenticate
   */
  byte[] open(byte[] sealed) {
    if (sealed.length < AAD + NONCE + TAG_BITS / 8 + 1) {
      throw new CodecException("Stored value has " + sealed.length + " bytes; too short for an encrypted value");
    }
    int id = (sealed[2] & 0xff) << 8 | (sealed[3] & 0xff);
    SecretKeySpec key = ring.get(id);
    if (key == null) {
      throw new CodecException("Stored value is encrypted with key id " + id + ", which is not in this cache's key "
          + "ring (ids " + ring.keySet() + "): add that key to encryption.keys, or the value is foreign or corrupt");
    }
    Cipher cipher = CIPHERS.get();
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, AAD, NONCE));
      cipher.updateAAD(sealed, 0, AAD);
      return cipher.doFinal(sealed, AAD + NONCE, sealed.length - AAD - NONCE);
    } catch (AEADBadTagException e) {
      throw new CodecException("Stored value fails authentication with key id " + id
          + ": it was changed, or encrypted with another key under the same id");
    } catch (GeneralSecurityException e) {
      throw new CodecException("Cannot decrypt the stored value: " + e.getClass().getSimpleName(), e);
    }
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM offers no AES/GCM cipher", e);
    }
  }

  @Override
  public String toString() {
    return "EncryptingCodec{keyIds=" + ring.keySet() + ", currentKey=" + currentId + ", required=" + required + "}";
  }
}
