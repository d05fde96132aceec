package org.stratacache.jcache.internal.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.RedisSettings;
import org.stratacache.jcache.configuration.RedisTlsSettings;
import org.stratacache.jcache.internal.Messages;

class RedisUrisTest {

  @Test
  void passwordsAreMasked() {
    assertThat(Messages.maskUri("redis://user:secret@host:6379/0")).isEqualTo("redis://user:****@host:6379/0");
    assertThat(Messages.maskUri("rediss://secret@host")).isEqualTo("rediss://****@host");
    assertThat(Messages.maskUri("redis://host:6379")).isEqualTo("redis://host:6379");
    assertThat(Messages.maskUri("redis://u:p%40ss@h/1?timeout=1s")).isEqualTo("redis://u:****@h/1?timeout=1s");
  }

  @Test
  void malformedUrisNameTheSettingWithoutThePassword() {
    assertThatThrownBy(() -> RedisUris.parse("redis://user:secret@host:notaport", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redisUri").hasMessageContaining("user:****@").hasMessageNotContaining("secret");
    assertThatThrownBy(() -> RedisEndpoint.check("redis-cluster://user:secret@h1:7000,h2:notaport"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a valid Redis URI").hasMessageContaining("user:****@")
        .hasMessageNotContaining("secret");
  }

  @Test
  void anEndpointIsParsedOnceWithTimeoutAndTlsApplied() {
    Duration timeout = Duration.ofMillis(750);
    RedisEndpoint standalone = RedisEndpoint.parse(RedisSettings.defaults()
        .withUri("rediss://user:secret@host:6380/2").withTimeout(timeout)
        .withTls(RedisTlsSettings.defaults().verifyHostname(false)));
    assertThat(standalone.topology()).isEqualTo(RedisEndpoint.Topology.STANDALONE);
    assertThat(standalone.usesTls()).isTrue();
    assertThat(standalone.masked()).isEqualTo("rediss://user:****@host:6380/2");
    assertThat(standalone.toString()).doesNotContain("secret");
    assertThat(standalone.redisUri().getTimeout()).isEqualTo(timeout);
    assertThat(standalone.redisUri().getDatabase()).isEqualTo(2);
    assertThat(standalone.redisUri().getVerifyMode()).hasToString("CA");
    assertThat(standalone.redisUri()).as("parsed once").isSameAs(standalone.redisUri());
    assertThatThrownBy(standalone::clusterSeeds).isInstanceOf(IllegalStateException.class);

    RedisEndpoint sentinel = RedisEndpoint.parse(RedisSettings.defaults()
        .withUri("redis-sentinel://h1:26379,h2:26379/0#mymaster"));
    assertThat(sentinel.topology()).isEqualTo(RedisEndpoint.Topology.SENTINEL);
    assertThat(sentinel.usesTls()).isFalse();
    assertThat(sentinel.redisUri().getSentinels()).hasSize(2);

    RedisEndpoint cluster = RedisEndpoint.parse(RedisSettings.defaults()
        .withUri("rediss-cluster://:secret@h1:7000,h2:7001").withTimeout(timeout));
    assertThat(cluster.isCluster()).isTrue();
    assertThat(cluster.usesTls()).isTrue();
    assertThat(cluster.clusterSeeds()).hasSize(2).allSatisfy(seed -> {
      assertThat(seed.getTimeout()).isEqualTo(timeout);
      assertThat(seed.isSsl()).isTrue();
    });
    assertThatThrownBy(cluster::redisUri).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void endpointsDifferingOnlyInTimeoutShareAConnection() {
    RedisSettings settings = RedisSettings.defaults().withUri("redis://host:6379");
    assertThat(RedisEndpoint.parse(settings).connectionKey())
        .isEqualTo(RedisEndpoint.parse(settings.withTimeout(Duration.ofSeconds(9))).connectionKey())
        .isNotEqualTo(RedisEndpoint.parse(settings.withUri("redis://host:6380")).connectionKey());
  }
}
