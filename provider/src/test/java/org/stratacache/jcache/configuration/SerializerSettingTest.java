package org.stratacache.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stratacache.jcache.codec.LatinText;
import org.stratacache.jcache.internal.config.ConfigurationFile;
import org.stratacache.jcache.internal.config.ManagerDefaults;

/** {@code serialization.serializer}: an application's serializer by class name in a file, or by class in code. */
class SerializerSettingTest {

  @TempDir
  Path directory;

  private StrataConfiguration<?, ?> cacheOf(String... lines) throws IOException {
    Path file = directory.resolve("strata-" + System.nanoTime() + ".yaml");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return ConfigurationFile.load(file.toUri(), getClass().getClassLoader()).caches().get("texts");
  }

  private static StrataConfiguration<String, String> resolved(StrataConfiguration<String, String> given) {
    return ManagerDefaults.of(null, name -> null, name -> null).resolve("texts", given, List.of());
  }

  @Test
  void aFileNamesTheSerializerClassAndCodeGivesTheClass() throws IOException {
    StrataConfiguration<?, ?> fromFile = cacheOf("caches:", "  texts:", "    serialization:",
        "      serializer: " + LatinText.class.getName());
    assertThat(fromFile.getSerialization().serializer()).isEqualTo(LatinText.class);
    StrataConfiguration<String, String> inCode = StrataConfiguration.builder(String.class, String.class)
        .serializer(LatinText.class).build();
    assertThat(inCode.getSerialization()).isEqualTo(fromFile.getSerialization());
    assertThat(resolved(inCode).getSerialization().serializer()).isEqualTo(LatinText.class);
    assertThat(SerializationSettings.none().allowPackage("com.acme").serializer(LatinText.class).allowedPackages())
        .as("the rest of the settings is kept").containsExactly("com.acme");
  }

  @Test
  void aClassThatIsNotAUsableSerializerIsRefusedNamingWhy() {
    assertThatThrownBy(() -> cacheOf("caches:", "  texts:", "    serialization.serializer: java.lang.String"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("caches.texts.serialization.serializer")
        .hasMessageContaining("ValueSerializer");
    assertThatThrownBy(() -> cacheOf("caches:", "  texts:", "    serialization.serializer: com.acme.Missing"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("com.acme.Missing");
    assertThatThrownBy(() -> SerializationSettings.none().serializer(NoDefaultConstructor.class))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public no-argument constructor");
  }

  @Test
  void aSerializerWithASerializationFormatIsRefusedAsAContradiction() {
    assertThatThrownBy(() -> resolved(StrataConfiguration.builder(String.class, String.class)
        .serialization(SerializationSettings.none().format(SerializationFormat.JSON).serializer(LatinText.class))
        .build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cache 'texts'")
        .hasMessageContaining("serialization.serializer " + LatinText.class.getName())
        .hasMessageContaining("serialization.format json");
  }

  /** Needs an argument, so no cache can create it. */
  public static final class NoDefaultConstructor extends LatinText {
    public NoDefaultConstructor(String unused) {
      // nothing
    }
  }
}
