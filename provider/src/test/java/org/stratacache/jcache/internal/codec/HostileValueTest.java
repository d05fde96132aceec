package org.stratacache.jcache.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.codec.CodecException;

/** Stored values found by the fuzz test (StoredValueFuzzIT) that once escaped as something else. */
class HostileValueTest {

  private final ValueCodec codec = GoldenValues.codec();

  @Test
  void nestingDeeperThanTheBoundIsRefusedNamingIt() {
    // Object[] holding Object[] holding ... 1L, 200,000 deep, in 600 KB
    byte[] deep = HexFormat.of().parseHex("0100" + "110102".repeat(200_000) + "0902");
    assertThatThrownBy(() -> codec.decode(deep)).isInstanceOf(CodecException.class)
        .hasMessageContaining("more than 512 deep").hasMessageContaining("limits.depth");
    assertThat((Object[]) codec.decode(HexFormat.of().parseHex("0100" + "110102".repeat(2) + "0902")))
        .as("the same pattern, shallow").isEqualTo(new Object[] {new Object[] {1L}});
    assertThat(codec.decode(codec.encode("after an overflow"))).isEqualTo("after an overflow");
  }

  @Test
  void valuesJustWithinTheDepthBoundReadOnAFreshThreadWithADefaultStack() throws Exception {
    // 255 lists then the string: 256 deep; arrays, 511 then the long: 512 deep, with no stack overflow
    byte[] lists = HexFormat.of().parseHex("0100" + "120182" + "12000182".repeat(254) + "0300018278");
    byte[] arrays = HexFormat.of().parseHex("0100" + "110102".repeat(511) + "0902");
    Object[] results = new Object[2];
    Thread fresh = new Thread(() -> {
      results[0] = codec.decode(lists);
      results[1] = codec.decode(arrays);
    });
    fresh.start();
    fresh.join();
    assertThat(results[0]).isNotNull();
    assertThat(results[1]).isNotNull();
    assertThatThrownBy(() -> codec.decode(HexFormat.of().parseHex("0100" + "110102".repeat(512) + "0902")))
        .hasMessageContaining("limits.depth");
  }

  @Test
  void writingAValueNestedTooDeeplyIsACodecException() {
    Object[] deep = {1L};
    for (int i = 0; i < 200_000; i++) {
      deep = new Object[] {deep};
    }
    Object[] value = deep;
    assertThatThrownBy(() -> codec.encode(value)).isInstanceOf(CodecException.class)
        .hasMessageContaining("more than 512 deep").hasMessageContaining("limits.depth");
  }

  @Test
  void aStoredNullIsACodecException() {
    assertThatThrownBy(() -> codec.decode(new byte[] {ValueCodec.VERSION, 0, 0})).isInstanceOf(CodecException.class)
        .hasMessageContaining("null");
  }
}
