package org.stratacache.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.CacheExtension;
import org.stratacache.jcache.configuration.ExtensionSetting;
import org.stratacache.jcache.configuration.Setting;

/**
 * The configuration reference in the guide is the list of settings the code knows: this test
 * renders the table from {@link Setting} and requires the committed chapter to match it. When a
 * setting changes, the failure message holds the table to paste.
 */
class ConfigurationReferenceTest {

  private static final Path REFERENCE = Path.of("src/docs/asciidoc/chapters/configuration-reference.adoc");

  static String render() {
    StringBuilder table = new StringBuilder();
    table.append("// Generated from org.stratacache.jcache.configuration.Setting; ConfigurationReferenceTest checks it.\n");
    table.append("[cols=\"2,2,2,3,2\",options=\"header\"]\n|===\n");
    table.append("| File key | Property | Environment | Accepts | Default\n");
    for (Setting setting : Setting.values()) {
      table.append("\n| `").append(setting.key()).append("`")
          .append(setting.isManagerOnly() ? " (manager only)"
              : setting.isManagerDefault() ? "" : " (cache only)")
          .append("\n| `").append(setting.property()).append("`")
          .append("\n| ").append(setting.environmentVariable() == null ? "-" : "`" + setting.environmentVariable() + "`")
          .append("\n| ").append(setting.accepts())
          .append("\n| ").append(setting.defaultValue()).append("\n");
    }
    for (CacheExtension extension : ServiceLoader.load(CacheExtension.class)) {
      for (ExtensionSetting<?> setting : extension.declaredSettings()) {
        table.append("\n| `").append(setting.key()).append("`")
            .append("\n| `").append(setting.property()).append("`")
            .append("\n| ").append(setting.environmentVariable() == null ? "-"
                : "`" + setting.environmentVariable() + "`")
            .append("\n| ").append(setting.accepts())
            .append("\n| ").append(setting.defaultValue()).append("\n");
      }
    }
    table.append("|===\n");
    return table.toString();
  }

  @Test
  void theReferenceListsEverySettingAsTheCodeDefinesIt() throws Exception {
    String expected = render();
    String actual = Files.exists(REFERENCE) ? Files.readString(REFERENCE, StandardCharsets.UTF_8) : "";
    assertThat(actual).as("%s is out of date; replace it with:%n%s", REFERENCE, expected).isEqualTo(expected);
  }
}
