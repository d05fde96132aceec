package org.stratacache.ai;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a text's UTF-8 bytes, streamed: the text is encoded in chunks of {@value #CHUNK}
 * characters into buffers kept per thread, so hashing a megabyte allocates only the 32-byte result
 * and its hex form, never a copy of the text. Gives the same digest as hashing
 * {@code text.getBytes(UTF_8)}, unpaired surrogates included.
 */
final class TextHasher {

  private static final int CHUNK = 8192;
  private static final ThreadLocal<TextHasher> PER_THREAD = ThreadLocal.withInitial(TextHasher::new);

  private final MessageDigest digest;
  private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
      .onMalformedInput(CodingErrorAction.REPLACE)
      .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final char[] chars = new char[CHUNK];
  private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK * 3 + 8);

  private TextHasher() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }

  /** The hex SHA-256 of {@code text}'s UTF-8 bytes. */
  static String sha256Hex(CharSequence text) {
    return HexFormat.of().formatHex(PER_THREAD.get().sha256(text));
  }

  private byte[] sha256(CharSequence text) {
    digest.reset();
    int length = text.length();
    int start = 0;
    while (start < length) {
      int end = Math.min(length, start + CHUNK);
      if (end < length && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      int count = end - start;
      if (text instanceof String string) {
        string.getChars(start, end, chars, 0);
      } else {
        for (int i = 0; i < count; i++) {
          chars[i] = text.charAt(start + i);
        }
      }
      bytes.clear();
      encoder.reset();
      encoder.encode(CharBuffer.wrap(chars, 0, count), bytes, true);
      encoder.flush(bytes);
      digest.update(bytes.array(), 0, bytes.position());
      start = end;
    }
    return digest.digest();
  }
}
