package org.stratacache.jcache.internal.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.cache.event.EventType;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.codec.CodecException;

class EventMessageTest {

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aMessageReadsBackAsWritten() {
    EventMessage written = new EventMessage(42L, EventType.UPDATED, bytes("strata:c:k"), bytes("new"), bytes("old"));
    EventMessage read = EventMessage.decode(written.encode());
    assertThat(read.origin()).isEqualTo(42L);
    assertThat(read.type()).isEqualTo(EventType.UPDATED);
    assertThat(read.key()).isEqualTo(bytes("strata:c:k"));
    assertThat(read.value()).isEqualTo(bytes("new"));
    assertThat(read.oldValue()).isEqualTo(bytes("old"));
  }

  @Test
  void theOriginIsReadFromTheHeaderAlone() {
    byte[] message = new EventMessage(42L, EventType.CREATED, bytes("k"), bytes("v"), null).encode();
    assertThat(EventMessage.isFrom(42L, message)).isTrue();
    assertThat(EventMessage.isFrom(43L, message)).isFalse();
    assertThat(EventMessage.isFrom(42L, Arrays.copyOf(message, 9))).isFalse();
    assertThat(EventMessage.isFrom(0L, new byte[0])).isFalse();
  }

  @Test
  void absentValuesStayAbsentAndEmptyOnesEmpty() {
    EventMessage read = EventMessage.decode(new EventMessage(-1L, EventType.REMOVED, bytes("k"), null, new byte[0])
        .encode());
    assertThat(read.value()).isNull();
    assertThat(read.oldValue()).isEmpty();
  }

  @Test
  void expirationsDoNotTravelAsMessages() {
    assertThatThrownBy(() -> new EventMessage(1L, EventType.EXPIRED, bytes("k"), null, null).encode())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EXPIRED");
  }

  @Test
  void foreignOrDamagedBytesAreRejectedWithAReason() {
    byte[] good = new EventMessage(7L, EventType.CREATED, bytes("k"), bytes("v"), null).encode();
    assertThatThrownBy(() -> EventMessage.decode(bytes("hello"))).isInstanceOf(CodecException.class)
        .hasMessageContaining("unknown format");
    assertThatThrownBy(() -> EventMessage.decode(Arrays.copyOf(good, good.length - 1)))
        .isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> EventMessage.decode(Arrays.copyOf(good, good.length + 1)))
        .isInstanceOf(CodecException.class).hasMessageContaining("trailing");
    byte[] badType = good.clone();
    badType[1] = 9;
    assertThatThrownBy(() -> EventMessage.decode(badType)).isInstanceOf(CodecException.class)
        .hasMessageContaining("unknown type");
    byte[] badLength = good.clone();
    badLength[10] = 0x7f;  // the key length's top byte
    assertThatThrownBy(() -> EventMessage.decode(badLength)).isInstanceOf(CodecException.class)
        .hasMessageContaining("bad length");
    assertThatThrownBy(() -> EventMessage.decode(new byte[0])).isInstanceOf(CodecException.class)
        .hasMessageContaining("truncated");
  }
}
