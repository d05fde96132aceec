package org.stratacache.jcache.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Stored values found by the fuzz test (StoredValueFuzzIT) that once escaped as something else. */
class HostileValueTest {

  private final ValueCodec codec = GoldenValues.codec();

  @Test
  void nestingDeeperThanTheBoundIsRefusedNamingIt() {
    // Object[] holding Object[] holding ... 1L, 200,000 deep, in 600 KB
    byte[] deep = HexFormat.of().parseHex("0100" + "110102".repeat(200_000) + "0902");
    assertThatThrownBy(() -> codec.decode(deep)).isInstanceOf(CodecException.class)
        .hasMessageContaining("more than 1000 deep").hasMessageContaining("limits.depth");
    assertThat((Object[]) codec.decode(HexFormat.of().parseHex("0100" + "110102".repeat(2) + "0902")))
        .as("the same pattern, shallow").isEqualTo(new Object[] {new Object[] {1L}});
    assertThat(codec.decode(codec.encode("after an overflow"))).isEqualTo("after an overflow");
  }

  @Test
  void writingAValueNestedTooDeeplyIsACodecException() {
    Object[] deep = {1L};
    for (int i = 0; i < 200_000; i++) {
      deep = new Object[] {deep};
    }
    Object[] value = deep;
    assertThatThrownBy(() -> codec.encode(value)).isInstanceOf(CodecException.class)
        .hasMessageContaining("more than 1000 deep").hasMessageContaining("limits.depth");
  }

  @Test
  void aStoredNullIsACodecException() {
    assertThatThrownBy(() -> codec.decode(new byte[] {ValueCodec.VERSION, 0, 0})).isInstanceOf(CodecException.class)
        .hasMessageContaining("null");
  }
}
