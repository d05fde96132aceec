package org.stratacache.jcache.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.codec.LatinText;
import org.stratacache.jcache.codec.ValueSerializer;
import org.stratacache.jcache.configuration.EncryptionSettings;
import org.stratacache.jcache.configuration.SerializationSettings;

/** An application's serializer in the codec chain: its format's name under compression and encryption. */
class PluggedSerializerTest {

  /** Names its format with a space, which the envelope does not take. */
  public static final class BadName extends LatinText {
    @Override
    public String formatName() {
      return "bad name";
    }
  }

  private static ValueCodec codec(Class<? extends ValueSerializer> type, EncryptingCodec encryption) {
    SerializationSettings settings = SerializationSettings.none().serializer(type);
    KryoSerializer kryo = new KryoSerializer(PluggedSerializerTest.class.getClassLoader(), settings);
    return new ValueCodec(ValueSerializers.forValues(kryo, PluggedSerializerTest.class.getClassLoader(), settings,
        String.class), settings.limits(), 1000, 3, encryption);
  }

  @Test
  void largeCompressedStreamedAndEncryptedValuesReadBack() {
    String huge = "x".repeat(2_000_000);
    ValueCodec plain = codec(LatinText.class, null);
    byte[] stored = plain.encode(huge);
    assertThat(stored[1]).isEqualTo((byte) (ValueCodec.FLAG_FORMAT_NAME | ValueCodec.FLAG_ZSTD));
    assertThat(plain.decode(stored)).as("a frame over a megabyte is streamed").isEqualTo(huge);
    ValueCodec encrypted = codec(LatinText.class,
        new EncryptingCodec(EncryptionSettings.keys(Map.of(1, EncryptedValueCodecTest.KEY_1))));
    assertThat(encrypted.decode(encrypted.encode("secret"))).isEqualTo("secret");
    assertThat(encrypted.decode(encrypted.encode(huge))).isEqualTo(huge);
  }

  @Test
  void aTruncatedNameOrAnotherFormatIsRefused() {
    ValueCodec codec = codec(LatinText.class, null);
    assertThatThrownBy(() -> codec.decode(new byte[] {1, 4, 9, 'l'})).isInstanceOf(CodecException.class)
        .hasMessageContaining("too short");
    assertThatThrownBy(() -> codec.decode(codec(LatinText.Other.class, null).encode("v")))
        .isInstanceOf(CodecException.class).hasMessageContaining("'other-text'");
    assertThatThrownBy(() -> codec.decode(new byte[] {1, 0, 'v'})).isInstanceOf(CodecException.class)
        .hasMessageContaining("built-in format");
  }

  @Test
  void aSerializerThatCannotBeCreatedOrNamesItsFormatBadlyFailsNamingIt() {
    assertThatThrownBy(() -> codec(BadName.class, null)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(BadName.class.getName()).hasMessageContaining("formatName()");
  }
}
