package org.stratacache.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisUrisTest {

  @Test
  void passwordsAreMasked() {
    assertThat(RedisUris.mask("redis://user:secret@host:6379/0")).isEqualTo("redis://user:****@host:6379/0");
    assertThat(RedisUris.mask("rediss://secret@host")).isEqualTo("rediss://****@host");
    assertThat(RedisUris.mask("redis://host:6379")).isEqualTo("redis://host:6379");
    assertThat(RedisUris.mask("redis://u:p%40ss@h/1?timeout=1s")).isEqualTo("redis://u:****@h/1?timeout=1s");
  }

  @Test
  void malformedUrisNameTheSettingWithoutThePassword() {
    assertThatThrownBy(() -> RedisUris.parse("redis://user:secret@host:notaport", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redisUri").hasMessageContaining("user:****@").hasMessageNotContaining("secret");
  }
}
