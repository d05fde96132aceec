package org.stratacache.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.CacheExtension;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.internal.config.ManagerDefaults;

/** An extension's setting, declared once, gets the precedence and messages of the provider's own. */
class ExtensionSettingTest {

  record Section(Integer size) implements Serializable {
  }

  static final ExtensionSetting<Section> SIZE = ExtensionSetting.of("demo.size", Section.class).env("DEMO_SIZE")
      .intRange(1, 10).defaultValue(5).build(Section::size, (section, value) -> new Section((Integer) value));

  static final CacheExtension EXTENSION = new CacheExtension() {
    @Override
    public <T> T extend(StrataCache<?, ?> cache, Class<T> type) {
      return null;
    }

    @Override
    public List<ExtensionSetting<?>> declaredSettings() {
      return List.of(SIZE);
    }

    @Override
    public Serializable defaultSection(StrataConfiguration<?, ?> given) {
      return new Section(null);
    }
  };

  private static Integer size(Properties manager, Map<String, String> env, StrataConfiguration<?, ?> given) {
    return ManagerDefaults.of(manager, name -> null, env::get).resolve("demo", given, List.of(EXTENSION))
        .getSection(Section.class).size();
  }

  @Test
  void theCacheBeatsManagerPropertiesWhichBeatTheEnvironment() {
    Properties manager = new Properties();
    manager.setProperty("strata.demo.size", "3");
    Map<String, String> env = Map.of("DEMO_SIZE", "7");
    StrataConfiguration<String, String> plain = StrataConfiguration.builder(String.class, String.class).build();
    assertThat(size(manager, env, plain)).isEqualTo(3);
    assertThat(size(new Properties(), env, plain)).isEqualTo(7);
    assertThat(size(new Properties(), Map.of(), plain)).isNull();
    assertThat(size(manager, env, StrataConfiguration.builder(String.class, String.class)
        .extension(new Section(2)).build())).isEqualTo(2);
  }

  @Test
  void aBadValueNamesTheVariableAndWhatItTakes() {
    assertThatThrownBy(() -> size(new Properties(), Map.of("DEMO_SIZE", "11"),
        StrataConfiguration.builder(String.class, String.class).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache 'demo'")
        .hasMessageContaining("environment variable DEMO_SIZE").hasMessageContaining("'11'")
        .hasMessageContaining("a whole number from 1 to 10");
  }
}
