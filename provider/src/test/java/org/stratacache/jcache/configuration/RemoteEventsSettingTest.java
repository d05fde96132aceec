package org.stratacache.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.internal.config.ManagerDefaults;

/** {@code remote-events}: off by default, set per cache or for every cache of a manager, checked. */
class RemoteEventsSettingTest {

  private static StrataConfiguration<String, String> resolve(Properties manager,
                                                             StrataConfiguration.Builder<String, String> given) {
    return ManagerDefaults.of(manager, name -> null, Map.of("REDIS_URL", "redis://env")::get).resolve(given.build());
  }

  private static Properties remoteEvents(String value) {
    Properties properties = new Properties();
    properties.setProperty(Setting.REMOTE_EVENTS.property(), value);
    return properties;
  }

  @Test
  void offUnlessAsked() {
    assertThat(resolve(null, StrataConfiguration.builder(String.class, String.class)).getEvents().isRemote()).isFalse();
    assertThat(resolve(null, StrataConfiguration.builder(String.class, String.class).remoteEvents(true))
        .getEvents().isRemote()).isTrue();
  }

  @Test
  void aManagerPropertyTurnsItOnForCachesThatLeaveItUnset() {
    assertThat(resolve(remoteEvents("true"), StrataConfiguration.builder(String.class, String.class))
        .getEvents().isRemote()).isTrue();
    assertThat(resolve(remoteEvents("true"), StrataConfiguration.builder(String.class, String.class)
        .remoteEvents(false)).getEvents().isRemote()).isFalse();
  }

  @Test
  void aValueThatIsNotABooleanNamesTheSetting() {
    assertThatThrownBy(() -> resolve(remoteEvents("yes"), StrataConfiguration.builder(String.class, String.class)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strata.remote-events")
        .hasMessageContaining("yes").hasMessageContaining("true or false");
  }

  @Test
  void itSurvivesACopyOfTheConfiguration() {
    StrataConfiguration<String, String> on = StrataConfiguration.builder(String.class, String.class)
        .remoteEvents(true).build();
    assertThat(on.toBuilder().build().getEvents().isRemote()).isTrue();
    assertThat(Setting.REMOTE_EVENTS.configuredIn(on)).isEqualTo(true);
  }
}
