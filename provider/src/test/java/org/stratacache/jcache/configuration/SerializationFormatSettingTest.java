package org.stratacache.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.internal.config.ManagerDefaults;

/** {@code serialization.format} comes from the same places as every setting, and a cache's own choice wins. */
class SerializationFormatSettingTest {

  private static ManagerDefaults format(String value) {
    Properties manager = new Properties();
    manager.setProperty("strata.serialization.format", value);
    return ManagerDefaults.of(manager, name -> null, name -> null);
  }

  @Test
  void aManagerPropertyChoosesTheFormatOfCachesThatLeaveItUnset() {
    assertThat(format("json").resolve(StrataConfiguration.builder(String.class, String.class).build())
        .getSerialization().format()).isEqualTo(SerializationFormat.JSON);
    assertThat(format("JSON").resolve(StrataConfiguration.builder(String.class, String.class)
        .serialization(SerializationSettings.none().format(SerializationFormat.KRYO)).build())
        .getSerialization().format()).isEqualTo(SerializationFormat.KRYO);
  }

  @Test
  void anUnknownFormatNamesTheSettingAndWhatItTakes() {
    assertThatThrownBy(() -> format("yaml").resolve(StrataConfiguration.builder(String.class, String.class).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strata.serialization.format").hasMessageContaining("'yaml'")
        .hasMessageContaining("kryo, or json");
  }
}
