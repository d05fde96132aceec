package org.stratacache.jcache.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.codec.ClassNotAllowedException;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.codec.ValueSerializer;
import org.stratacache.jcache.configuration.DecodeLimits;
import org.stratacache.jcache.configuration.DecodeLimits.Limit;
import org.stratacache.jcache.configuration.EncryptionSettings;
import org.stratacache.jcache.configuration.SerializationFormat;
import org.stratacache.jcache.configuration.SerializationSettings;

/** JSON values: plain JSON after the envelope header, the declared type, the allow-list and the bounds. */
class JsonValueSerializerTest {

  /** An application value. */
  record Order(String id, List<String> items, int quantity, double price, boolean paid) {
  }

  /** A value whose field the application declared polymorphic by class name. */
  record Holder(@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) Object payload) {
  }

  private static final Order ORDER = new Order("o-1", List.of("apple", "café ☕"), 3, 2.5, true);
  private static final SerializationSettings JSON = SerializationSettings.none().format(SerializationFormat.JSON)
      .allowClass(Order.class);

  private static ValueCodec codec(SerializationSettings settings, Class<?> valueType) {
    KryoSerializer kryo = new KryoSerializer(JsonValueSerializerTest.class.getClassLoader(), settings);
    ValueSerializer serializer = ValueSerializers.forValues(kryo, JsonValueSerializerTest.class.getClassLoader(),
        settings, valueType);
    return new ValueCodec(serializer, settings.limits(), 1000, 6, null);
  }

  private static ValueCodec limited(Limit limit, long value) {
    SerializationSettings settings = JSON.limits(DecodeLimits.defaults().with(limit, value));
    return codec(settings, Object.class);
  }

  private static byte[] stored(String json) {
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    byte[] stored = new byte[text.length + 2];
    stored[0] = ValueCodec.VERSION;
    System.arraycopy(text, 0, stored, 2, text.length);
    return stored;
  }

  @Test
  void aValueIsTheVersionTheFlagsThenPlainJsonAndReadsBackAsTheDeclaredType() {
    ValueCodec codec = codec(JSON, Order.class);
    byte[] bytes = codec.encode(ORDER);
    assertThat(bytes[0]).isEqualTo(ValueCodec.VERSION);
    assertThat(bytes[1]).as("flags: neither compressed nor encrypted").isZero();
    assertThat(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":\"o-1\",\"items\":[\"apple\",\"café ☕\"],\"quantity\":3,\"price\":2.5,\"paid\":true}");
    assertThat(codec.decode(bytes)).isEqualTo(ORDER);
  }

  @Test
  void largeValuesAreCompressedAndEncryptedValuesReadBack() {
    Order large = new Order("o-2", List.of("x".repeat(5000)), 1, 1, false);
    ValueCodec codec = codec(JSON, Order.class);
    byte[] compressed = codec.encode(large);
    assertThat(compressed[1]).isEqualTo((byte) ValueCodec.FLAG_ZSTD);
    assertThat(codec.decode(compressed)).isEqualTo(large);

    KryoSerializer kryo = new KryoSerializer(getClass().getClassLoader(), JSON);
    ValueCodec encrypted = new ValueCodec(ValueSerializers.forValues(kryo, getClass().getClassLoader(), JSON,
        Order.class), JSON.limits(), 1000, 6,
        new EncryptingCodec(EncryptionSettings.keys(Map.of(1, EncryptedValueCodecTest.KEY_1))));
    assertThat(encrypted.decode(encrypted.encode(large))).isEqualTo(large);
    assertThat(encrypted.decode(encrypted.encode(ORDER))).isEqualTo(ORDER);
  }

  @Test
  void withoutADeclaredTypeValuesReadAsMapsListsStringsNumbersAndBooleans() {
    Object read = codec(JSON, Object.class).decode(stored("{\"a\":[1,\"b\",true,null,2.5]}"));
    assertThat(read).isEqualTo(Map.of("a", Arrays.asList(1, "b", true, null, 2.5)));
  }

  @Test
  void classesOutsideTheSettingsAreRefusedOnWriteAndOnRead() {
    ValueCodec unlisted = codec(SerializationSettings.none().format(SerializationFormat.JSON), Order.class);
    assertThatThrownBy(() -> unlisted.encode(ORDER)).isInstanceOf(ClassNotAllowedException.class)
        .hasMessageContaining(Order.class.getName());
    byte[] bytes = codec(JSON, Order.class).encode(ORDER);
    assertThatThrownBy(() -> unlisted.decode(bytes)).isInstanceOf(ClassNotAllowedException.class);
  }

  @Test
  void theBytesNeverNameAClassThatIsNotAllowed() {
    SerializationSettings settings = JSON.allowClass(Holder.class);
    ValueCodec codec = codec(settings, Holder.class);
    assertThatThrownBy(() -> codec.decode(stored("{\"payload\":{\"@class\":\"java.lang.ProcessBuilder\"}}")))
        .isInstanceOf(ClassNotAllowedException.class).hasMessageContaining("java.lang.ProcessBuilder");
    assertThat(codec.decode(codec.encode(new Holder(ORDER)))).isEqualTo(new Holder(ORDER));
    assertThat(codec(JSON, Object.class).decode(stored("[\"java.net.URL\",\"http://example.invalid\"]")))
        .as("default typing is off: a class name is only a string").isEqualTo(
            List.of("java.net.URL", "http://example.invalid"));
  }

  @Test
  void nestingDeeperThanTheBoundIsRefusedNamingIt() {
    ValueCodec codec = codec(JSON, Object.class);
    long start = System.nanoTime();
    assertThatThrownBy(() -> codec.decode(stored("[".repeat(200_000) + "]".repeat(200_000))))
        .isInstanceOf(CodecException.class).hasMessageContaining("limits.depth");
    assertThat(System.nanoTime() - start).as("refused as the parser goes").isLessThan(5_000_000_000L);
    List<Object> deep = new ArrayList<>();
    List<Object> inner = deep;
    for (int i = 0; i < 600; i++) {
      List<Object> next = new ArrayList<>();
      inner.add(next);
      inner = next;
    }
    assertThatThrownBy(() -> codec.encode(deep)).isInstanceOf(CodecException.class)
        .hasMessageContaining("limits.depth");
  }

  @Test
  void longStringsAndArraysAreRefusedOnReadAndOnWrite() {
    ValueCodec strings = limited(Limit.LENGTH, 1000);
    assertThatThrownBy(() -> strings.decode(stored("\"" + "x".repeat(5000) + "\"")))
        .isInstanceOf(CodecException.class).hasMessageContaining("limits.length");
    assertThatThrownBy(() -> strings.decode(stored("[" + "0,".repeat(5000) + "0]")))
        .isInstanceOf(CodecException.class).hasMessageContaining("limits.length");
    assertThatThrownBy(() -> strings.decode(stored("{" + "\"k\":0,".repeat(5000) + "\"k\":0}")))
        .isInstanceOf(CodecException.class).hasMessageContaining("limits.length");
    assertThatThrownBy(() -> strings.encode("x".repeat(5000))).isInstanceOf(CodecException.class)
        .hasMessageContaining("limits.length");
    assertThatThrownBy(() -> strings.encode(new ArrayList<>(Collections.nCopies(5000, 0))))
        .isInstanceOf(CodecException.class).hasMessageContaining("limits.length");
    assertThat(strings.decode(strings.encode("x".repeat(999)))).isEqualTo("x".repeat(999));
  }

  @Test
  void documentsOverTheDecodedSizeAndHugeNumbersAreRefused() {
    ValueCodec small = limited(Limit.DECODED_SIZE, 1000);
    assertThatThrownBy(() -> small.decode(stored("\"" + "x".repeat(2000) + "\"")))
        .isInstanceOf(CodecException.class).hasMessageContaining("limits.decoded-size");
    ValueCodec codec = codec(JSON, Object.class);
    long start = System.nanoTime();
    assertThatThrownBy(() -> codec.decode(stored("1" + "0".repeat(100_000)))).isInstanceOf(CodecException.class);
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
  }

  @Test
  void corruptJsonTrailingValuesAndNullAreCodecExceptions() {
    ValueCodec codec = codec(JSON, Order.class);
    assertThatThrownBy(() -> codec.decode(stored("{\"id\":"))).isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> codec.decode(stored("{} {}"))).isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> codec.decode(stored("null"))).isInstanceOf(CodecException.class)
        .hasMessageContaining("null");
    assertThatThrownBy(() -> codec.decode(stored("\"text\""))).isInstanceOf(CodecException.class);
  }
}
