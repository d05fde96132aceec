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

  static final CacheExtension EXTENSION = declaring(SIZE);

  /** An extension declaring {@code setting}, which gives every cache an empty section. */
  private static CacheExtension declaring(ExtensionSetting<?> setting) {
    return new CacheExtension() {
      @Override
      public <T> T extend(StrataCache<?, ?> cache, Class<T> type) {
        return null;
      }

      @Override
      public List<ExtensionSetting<?>> declaredSettings() {
        return List.of(setting);
      }

      @Override
      public Serializable defaultSection(StrataConfiguration<?, ?> given) {
        return new Section(null);
      }
    };
  }

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

  @Test
  void listsAndMapsComeAsYamlOrAsTextAndEachEntryIsNamedWhenRefused() {
    ExtensionSetting<Section> list = ExtensionSetting.of("demo.sizes", Section.class)
        .list(ExtensionSetting.Parser.integer(1, 10)).constraint(v -> ((List<?>) v).size() == 2 ? null : "two sizes")
        .accepts("two sizes").build(section -> null, (section, value) -> section);
    assertThat(list.parse("1, 2")).isEqualTo(List.of(1, 2));
    assertThat(list.parse("[3, 4]")).isEqualTo(List.of(3, 4));
    assertThat(list.parse(List.of(5, "6"))).isEqualTo(List.of(5, 6));
    assertThatThrownBy(() -> list.parse("1,2,3")).hasMessageContaining("demo.sizes takes two sizes")
        .hasMessageContaining("two sizes");
    assertThat(list.violation(List.of(1))).isEqualTo("two sizes");

    ExtensionSetting<Section> map = ExtensionSetting.of("demo.prices", Section.class)
        .map(name -> name, ExtensionSetting.Parser.decimal(0, 1)).accepts("prices")
        .build(section -> null, (section, value) -> section);
    assertThat(map.parse("{\"a\": 0.5, \"b\": 1}")).isEqualTo(Map.of("a", 0.5, "b", 1.0));
    assertThat(map.parse(Map.of("c", "0.25"))).isEqualTo(Map.of("c", 0.25));
    assertThat(map.parse("{\"a\":\"0.5\",\"b\":1}")).as("compact JSON, as the Spring Boot starter writes it")
        .isEqualTo(Map.of("a", 0.5, "b", 1.0));
    assertThatThrownBy(() -> map.parse("{\"a\": 2}")).hasMessageContaining("demo.prices.a = '2'");
    assertThatThrownBy(() -> map.parse("[1, 2]")).hasMessageContaining("not a map");
    assertThatThrownBy(() -> map.parse("{a: &x [1], b: *x}")).hasMessageContaining("not valid JSON or YAML");
  }

  @Test
  void aValueSetInCodeOutsideTheConstraintFailsAtCreateCache() {
    ExtensionSetting<Section> odd = ExtensionSetting.of("demo.size", Section.class).intRange(1, 10)
        .constraint(v -> (Integer) v % 2 == 1 ? null : "must be odd").accepts("an odd size").build(Section::size,
            (section, value) -> new Section((Integer) value));
    CacheExtension extension = declaring(odd);
    assertThatThrownBy(() -> ManagerDefaults.of(new Properties(), name -> null, name -> null).resolve("demo",
        StrataConfiguration.builder(String.class, String.class).extension(new Section(4)).build(), List.of(extension)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache 'demo'")
        .hasMessageContaining("demo.size = 4: must be odd");
  }
}
