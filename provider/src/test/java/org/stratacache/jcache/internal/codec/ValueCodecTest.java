package org.stratacache.jcache.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.codec.ClassNotAllowedException;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.configuration.SerializationSettings;
import org.stratacache.jcache.configuration.Setting;

/** The stored value format, pinned by golden bytes, and everything it refuses. */
class ValueCodecTest {

  private final ValueCodec codec = GoldenValues.codec();

  private static Properties golden() throws IOException {
    Properties fixtures = new Properties();
    try (InputStream in = ValueCodecTest.class.getResourceAsStream("/golden/values-v1.properties")) {
      fixtures.load(in);
    }
    return fixtures;
  }

  @Test
  void goldenBytesStillDecodeToTheirValues() throws IOException {
    Properties fixtures = golden();
    for (Map.Entry<String, Object> entry : GoldenValues.values().entrySet()) {
      byte[] stored = HexFormat.of().parseHex(fixtures.getProperty(entry.getKey()));
      Object decoded = codec.decode(stored);
      if (entry.getValue() instanceof byte[] bytes) {
        assertThat((byte[]) decoded).as(entry.getKey()).isEqualTo(bytes);
      } else {
        assertThat(decoded).as(entry.getKey()).isEqualTo(entry.getValue());
      }
    }
  }

  @Test
  void valuesStillEncodeToTheGoldenBytes() throws IOException {
    Properties fixtures = golden();
    for (Map.Entry<String, Object> entry : GoldenValues.values().entrySet()) {
      assertThat(HexFormat.of().formatHex(codec.encode(entry.getValue()))).as(entry.getKey())
          .isEqualTo(fixtures.getProperty(entry.getKey()));
    }
  }

  @Test
  void valuesWrittenAtAnyLevelAreReadByACodecAtTheDefaultLevel() {
    int defaultLevel = (Integer) Setting.COMPRESSION_LEVEL.typedDefault();
    ValueCodec reader = new ValueCodec(new KryoSerializer(getClass().getClassLoader(), GoldenValues.SETTINGS), 1000,
        defaultLevel);
    Random random = new Random(7);
    StringBuilder json = new StringBuilder();
    while (json.length() < 20_000) {
      json.append("{\"id\":").append(random.nextInt()).append(",\"price\":").append(random.nextInt(100_000))
          .append("},");
    }
    String value = json.toString();
    for (int level : new int[] {-5, -1, 1, 3, 6, 19, 22}) {
      byte[] stored = new ValueCodec(new KryoSerializer(getClass().getClassLoader(), GoldenValues.SETTINGS), 1000,
          level).encode(value);
      assertThat(ValueCodec.isCompressed(stored)).as("level %d", level).isTrue();
      assertThat(reader.decode(stored)).as("level %d", level).isEqualTo(value);
    }
  }

  @Test
  void everyValueStartsWithTheFormatVersion() {
    assertThat(codec.encode("x")[0]).isEqualTo(ValueCodec.VERSION);
  }

  @Test
  void compressionAppliesFromTheThresholdAndOnlyWhenItPays() {
    String small = "y".repeat(900);
    String large = "JSON-like text ".repeat(100);
    byte[] random = new byte[5000];
    new Random(1).nextBytes(random);
    assertThat(ValueCodec.isCompressed(codec.encode(small))).isFalse();
    byte[] compressed = codec.encode(large);
    assertThat(ValueCodec.isCompressed(compressed)).isTrue();
    assertThat(compressed.length).isLessThan(large.length() / 10);
    assertThat(ValueCodec.isCompressed(codec.encode(random))).as("incompressible bytes stay plain").isFalse();
    assertThat((byte[]) codec.decode(codec.encode(random))).isEqualTo(random);
  }

  @Test
  void foreignAndCorruptBytesAreRefusedWithAReason() {
    assertThatThrownBy(() -> codec.decode("plain text".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(CodecException.class).hasMessageContaining("unknown format version");
    assertThatThrownBy(() -> codec.decode(new byte[] {1, 0}))
        .isInstanceOf(CodecException.class).hasMessageContaining("too short");
    assertThatThrownBy(() -> codec.decode(new byte[] {1, (byte) 0x80, 3}))
        .isInstanceOf(CodecException.class).hasMessageContaining("unknown flags");
    byte[] value = codec.encode("some text");
    assertThatThrownBy(() -> codec.decode(Arrays.copyOf(value, value.length + 3)))
        .isInstanceOf(CodecException.class).hasMessageContaining("trailing bytes");
    assertThatThrownBy(() -> codec.decode(Arrays.copyOf(value, value.length - 2)))
        .isInstanceOf(CodecException.class);
    byte[] compressed = codec.encode("JSON-like text ".repeat(100));
    compressed[compressed.length - 4] ^= 0x55;
    assertThatThrownBy(() -> codec.decode(compressed)).isInstanceOf(CodecException.class);
  }

  @Test
  void largeCompressedValuesAreStreamed() {
    String big = "JSON-like text, a couple of megabytes of it. ".repeat(60_000);
    byte[] stored = codec.encode(big);
    assertThat(ValueCodec.isCompressed(stored)).isTrue();
    assertThat(codec.decode(stored)).isEqualTo(big);
  }

  @Test
  void aFrameClaimingAHugeSizeIsRefusedBeforeAllocating() {
    byte[] bomb = HexFormat.of().parseHex("0101" + "28b52ffd" + "e4" + "0000000000000010" + "00");
    assertThatThrownBy(() -> codec.decode(bomb)).isInstanceOf(CodecException.class);
  }

  @Test
  void classesOutsideTheSettingsAreRefusedOnWriteAndOnReadByName() {
    ValueCodec permissive = new ValueCodec(new KryoSerializer(getClass().getClassLoader(),
        SerializationSettings.none().allowPackage("org.stratacache.jcache.internal.codec")), 1000, 6);
    Unlisted value = new Unlisted("x");
    assertThatThrownBy(() -> codec.encode(value)).isInstanceOf(ClassNotAllowedException.class)
        .hasMessageContaining(Unlisted.class.getName());
    byte[] bytes = permissive.encode(value);
    assertThat(permissive.decode(bytes)).isEqualTo(value);
    assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(ClassNotAllowedException.class);

    byte[] gadget = permissive.encode(new Unlisted("y"));
    String original = Unlisted.class.getName();
    String renamed = "com.evil.Gadget" + "x".repeat(original.length() - "com.evil.Gadget".length());
    byte[] forged = new String(gadget, StandardCharsets.ISO_8859_1)
        .replace(original.substring(0, original.length() - 1), renamed.substring(0, renamed.length() - 1))
        .getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> permissive.decode(forged)).as("refused by name, never loaded")
        .isInstanceOf(ClassNotAllowedException.class).hasMessageContaining("com.evil.Gadget");
  }

  @Test
  void aRefusedArrayNamesItsElementClassInTheAdvice() {
    assertThatThrownBy(() -> codec.encode(new Unlisted[] {new Unlisted("a")}))
        .isInstanceOf(ClassNotAllowedException.class)
        .hasMessageContaining("allowClass(ValueCodecTest.Unlisted.class)")
        .hasMessageContaining("allowPackage(\"org.stratacache.jcache.internal.codec\")")
        .hasMessageNotContaining("allowPackage(\"[");
  }

  @Test
  void classesWithJavaSerializationHooksKeepTheirRules() {
    ValueCodec permissive = new ValueCodec(new KryoSerializer(getClass().getClassLoader(),
        SerializationSettings.none().allowPackage("org.stratacache.jcache.internal.codec")), 1000, 6);
    CachedHash key = new CachedHash("tenant", 42);
    Object readBack = permissive.decode(permissive.encode(key));
    assertThat(readBack).as("transient hash restored by readObject, as Spring's SimpleKey does")
        .isEqualTo(key).hasSameHashCodeAs(key);
    assertThat(permissive.decode(permissive.encode(Marker.INSTANCE))).as("readResolve singleton")
        .isSameAs(Marker.INSTANCE);
    assertThat(permissive.decode(permissive.encode(new Object[] {Marker.INSTANCE, key})))
        .isEqualTo(new Object[] {Marker.INSTANCE, key});
  }

  @Test
  void javaSerializedClassesStillPassTheFilterOnWriteAndRead() {
    ValueCodec permissive = new ValueCodec(new KryoSerializer(getClass().getClassLoader(),
        SerializationSettings.none().allowPackage("org.stratacache.jcache.internal.codec")), 1000, 6);
    CachedHash hidingAnUnlisted = new CachedHash("x", new AtomicLong(1));
    assertThatThrownBy(() -> permissive.encode(hidingAnUnlisted)).isInstanceOf(ClassNotAllowedException.class)
        .hasMessageContaining("java.util.concurrent.atomic.AtomicLong");
    byte[] bytes = permissive.encode(new CachedHash("x", 1));
    assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(ClassNotAllowedException.class)
        .hasMessageContaining(CachedHash.class.getName());
  }

  /** Not registered, not allowed by default. */
  record Unlisted(String name) {
  }

  /** Keeps a transient hash that only its readObject restores, like Spring's SimpleKey. */
  static final class CachedHash implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Object[] parts;
    private transient int hash;

    CachedHash(Object... parts) {
      this.parts = parts;
      this.hash = Arrays.deepHashCode(parts);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof CachedHash that && Arrays.deepEquals(parts, that.parts);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      hash = Arrays.deepHashCode(parts);
    }
  }

  /** A singleton kept unique by readResolve, like Spring's NullValue. */
  static final class Marker implements Serializable {
    static final Marker INSTANCE = new Marker();
    private static final long serialVersionUID = 1L;

    private Marker() {
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }
}
