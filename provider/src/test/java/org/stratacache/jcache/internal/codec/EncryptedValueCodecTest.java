package org.stratacache.jcache.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.configuration.EncryptionSettings;

/** Encrypted values: the format, pinned with a fixed nonce, key rotation, and everything refused. */
class EncryptedValueCodecTest {

  static final byte[] KEY_1 = key(1);
  static final byte[] KEY_2 = key(2);
  private static final String SMALL = "a small value";
  private static final String LARGE = "JSON-like text ".repeat(100);

  private final ValueCodec plain = GoldenValues.codec();
  private final ValueCodec key1 = codec(EncryptionSettings.keys(Map.of(1, KEY_1)));
  private final ValueCodec rotated = codec(EncryptionSettings.keys(Map.of(1, KEY_1, 2, KEY_2)).current(2));

  /** Thirty-two bytes, different per {@code seed}. */
  static byte[] key(int seed) {
    byte[] key = new byte[EncryptionSettings.KEY_BYTES];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (seed * 31 + i * 7);
    }
    return key;
  }

  private static ValueCodec codec(EncryptionSettings settings) {
    return new ValueCodec(new KryoSerializer(GoldenValues.class.getClassLoader(), GoldenValues.SETTINGS), 1000, 6,
        new EncryptingCodec(settings));
  }

  /**
   * Nonce {@code first}, {@code first + 1}, ... : only for pinning the format (the JDK refuses to
   * encrypt twice in a row with the same key and nonce, so each value gets its own).
   */
  private static ValueCodec fixedNonce(EncryptionSettings settings, int first) {
    return new ValueCodec(new KryoSerializer(GoldenValues.class.getClassLoader(), GoldenValues.SETTINGS), 1000, 6,
        new EncryptingCodec(settings, nonce -> {
          for (int i = 0; i < nonce.length; i++) {
            nonce[i] = (byte) (first + i);
          }
        }));
  }

  private static Properties golden() throws IOException {
    Properties fixtures = new Properties();
    try (InputStream in = EncryptedValueCodecTest.class.getResourceAsStream("/golden/values-v1-encrypted.properties")) {
      fixtures.load(in);
    }
    return fixtures;
  }

  @Test
  void goldenBytesPinTheLayoutAndStillDecode() throws IOException {
    Properties fixtures = golden();
    EncryptionSettings settings = EncryptionSettings.keys(Map.of(1, KEY_1, 2, KEY_2)).current(2);
    Map<String, ValueCodec> pinned = Map.of("string", fixedNonce(settings, 0), "compressed", fixedNonce(settings, 16));
    for (Map.Entry<String, Object> entry : Map.<String, Object>of("string", SMALL, "compressed", LARGE).entrySet()) {
      String hex = fixtures.getProperty(entry.getKey());
      assertThat(HexFormat.of().formatHex(pinned.get(entry.getKey()).encode(entry.getValue()))).as(entry.getKey())
          .isEqualTo(hex);
      assertThat(rotated.decode(HexFormat.of().parseHex(hex))).as(entry.getKey()).isEqualTo(entry.getValue());
    }
    byte[] string = HexFormat.of().parseHex(fixtures.getProperty("string"));
    assertThat(Arrays.copyOfRange(string, 0, 16)).as("version, flags, key id 2, nonce")
        .isEqualTo(HexFormat.of().parseHex("0102" + "0002" + "000102030405060708090a0b"));
    byte[] compressed = HexFormat.of().parseHex(fixtures.getProperty("compressed"));
    assertThat(compressed[1]).as("zstd and encrypted").isEqualTo((byte) 3);
    assertThat(string.length).as("header, id, nonce, Kryo bytes, tag")
        .isEqualTo(2 + 2 + 12 + plain.encode(SMALL).length - 2 + 16);
  }

  @Test
  void valuesRoundTripWithAndWithoutCompression() {
    for (ValueCodec codec : new ValueCodec[] {key1, rotated}) {
      byte[] small = codec.encode(SMALL);
      byte[] large = codec.encode(LARGE);
      assertThat(small[1]).isEqualTo((byte) ValueCodec.FLAG_ENCRYPTED);
      assertThat(ValueCodec.isCompressed(large)).isTrue();
      assertThat(large.length).isLessThan(LARGE.length() / 10);
      assertThat(codec.decode(small)).isEqualTo(SMALL);
      assertThat(codec.decode(large)).isEqualTo(LARGE);
    }
    assertThat(key1.encode(SMALL)).as("a fresh nonce each time").isNotEqualTo(key1.encode(SMALL));
  }

  @Test
  void afterRotationOldValuesStillReadAndNewOnesCarryTheNewKey() {
    byte[] written = key1.encode(SMALL);
    assertThat(keyId(written)).isEqualTo(1);
    assertThat(rotated.decode(written)).isEqualTo(SMALL);
    byte[] rewritten = rotated.encode(SMALL);
    assertThat(keyId(rewritten)).isEqualTo(2);
    assertThat(keyId(rotated.encode(LARGE))).isEqualTo(2);
    assertThatThrownBy(() -> key1.decode(rewritten)).as("an instance that has not learnt key 2 yet")
        .isInstanceOf(CodecException.class).hasMessageContaining("key id 2").hasMessageContaining("[1]");
  }

  @Test
  void aChangedByteAnywhereIsACodecException() {
    for (Object value : new Object[] {SMALL, LARGE}) {
      byte[] stored = rotated.encode(value);
      for (int i = 0; i < stored.length; i++) {
        for (int bit : new int[] {0x01, 0x80}) {
          byte[] tampered = stored.clone();
          tampered[i] ^= (byte) bit;
          assertThat(catchThrowable(() -> rotated.decode(tampered))).as("byte %d ^ %x", i, bit)
              .isInstanceOf(CodecException.class);
        }
      }
      for (int length = 0; length < stored.length; length++) {
        byte[] truncated = Arrays.copyOf(stored, length);
        assertThat(catchThrowable(() -> rotated.decode(truncated))).as("first %d bytes", length)
            .isInstanceOf(CodecException.class);
      }
    }
  }

  @Test
  void aTamperedPayloadFailsAuthenticationAndAWrongKeyToo() {
    byte[] stored = key1.encode(SMALL);
    stored[20] ^= 1;
    assertThatThrownBy(() -> key1.decode(stored)).isInstanceOf(CodecException.class)
        .hasMessageContaining("fails authentication with key id 1");
    ValueCodec otherKeyUnderId1 = codec(EncryptionSettings.keys(Map.of(1, KEY_2)));
    assertThatThrownBy(() -> otherKeyUnderId1.decode(key1.encode(SMALL))).isInstanceOf(CodecException.class)
        .hasMessageContaining("fails authentication");
  }

  @Test
  void anUnknownKeyIdIsRefused() {
    byte[] stored = codec(EncryptionSettings.keys(Map.of(7, KEY_2))).encode(SMALL);
    Throwable refused = catchThrowable(() -> rotated.decode(stored));
    assertThat(refused).isInstanceOf(CodecException.class).hasMessageContaining("key id 7")
        .hasMessageContaining("not in this cache's key ring (ids [1, 2])");
    assertNoKeyMaterial(refused);
  }

  @Test
  void plaintextReadsUnlessEncryptionIsRequired() {
    byte[] unencrypted = plain.encode(SMALL);
    assertThat(rotated.decode(unencrypted)).as("values written before encryption was turned on").isEqualTo(SMALL);
    ValueCodec strict = codec(EncryptionSettings.keys(Map.of(1, KEY_1)).require(true));
    assertThatThrownBy(() -> strict.decode(unencrypted)).isInstanceOf(CodecException.class)
        .hasMessageContaining("not encrypted").hasMessageContaining("encryption.require");
    assertThatThrownBy(() -> strict.decode(plain.encode(LARGE))).isInstanceOf(CodecException.class);
    assertThat(strict.decode(key1.encode(SMALL))).isEqualTo(SMALL);
  }

  @Test
  void aCacheWithoutKeysRefusesEncryptedValues() {
    assertThatThrownBy(() -> plain.decode(key1.encode(SMALL))).isInstanceOf(CodecException.class)
        .hasMessageContaining("encrypted, and this cache has no encryption keys");
  }

  @Test
  void keyMaterialAppearsInNoMessageOrDescription() {
    byte[] stored = key1.encode(SMALL);
    stored[stored.length - 1] ^= 1;
    assertNoKeyMaterial(catchThrowable(() -> key1.decode(stored)));
    EncryptionSettings settings = EncryptionSettings.keys(Map.of(1, KEY_1, 2, KEY_2)).current(2);
    assertThat(settings.toString()).contains("[1, 2]").doesNotContain(Base64.getEncoder().encodeToString(KEY_1))
        .doesNotContain(HexFormat.of().formatHex(KEY_1)).doesNotContain(Arrays.toString(KEY_1));
    assertThat(new EncryptingCodec(settings).toString()).doesNotContain(Arrays.toString(KEY_2));
  }

  private static void assertNoKeyMaterial(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      for (byte[] key : new byte[][] {KEY_1, KEY_2}) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(Base64.getEncoder().encodeToString(key))
            .doesNotContain(HexFormat.of().formatHex(key)).doesNotContain(Arrays.toString(key));
      }
    }
  }

  private static int keyId(byte[] stored) {
    return (stored[2] & 0xff) << 8 | (stored[3] & 0xff);
  }
}
