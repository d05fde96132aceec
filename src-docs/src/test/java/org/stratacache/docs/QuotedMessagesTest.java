package org.stratacache.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every log line and exception message the guide quotes is still in the main sources, so the
 * chapters cannot drift from what an operator reads. A quote is a literal block marked
 * {@code [.message]}; its lines are joined with one space, and {@code <placeholders>} and
 * {@code ...} stand for what the code fills in. Each piece between them must occur in the sources
 * of the provider, the AI extension or the Spring Boot starter, with adjacent string literals
 * joined ({@code "a " + "b"} reads {@code a b}).
 */
class QuotedMessagesTest {

  private static final List<Path> CHAPTERS = List.of(Path.of("src/docs/asciidoc/chapters/operations.adoc"),
      Path.of("src/docs/asciidoc/chapters/troubleshooting.adoc"));
  private static final List<Path> SOURCES = List.of(Path.of("../provider/src/main/java"),
      Path.of("../ai-extension/src/main/java"), Path.of("../spring-boot-starter/src/main/java"));
  private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]*>|\\.\\.\\.");
  private static final Pattern JOINED_LITERALS = Pattern.compile("\"\\s*\\+\\s*\"");
  private static final int SHORTEST_CHECKED = 4;

  /** The quotes of a chapter: each {@code [.message]} block's lines, joined with a space. */
  static List<String> quotes(Path chapter) throws IOException {
    List<String> lines = Files.readAllLines(chapter, StandardCharsets.UTF_8);
    List<String> quotes = new ArrayList<>();
    for (int i = 0; i < lines.size() - 1; i++) {
      if (lines.get(i).trim().equals("[.message]") && lines.get(i + 1).trim().equals("----")) {
        StringBuilder quote = new StringBuilder();
        int j = i + 2;
        for (; j < lines.size() && !lines.get(j).trim().equals("----"); j++) {
          quote.append(quote.length() == 0 ? "" : " ").append(lines.get(j).trim());
        }
        quotes.add(quote.toString());
        i = j;
      }
    }
    return quotes;
  }

  /** The main sources as one text, adjacent string literals joined and quotes unescaped. */
  static String sources() throws IOException {
    StringBuilder all = new StringBuilder();
    for (Path root : SOURCES) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(file -> file.toString().endsWith(".java")).sorted().forEach(file -> {
          try {
            all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      }
    }
    return JOINED_LITERALS.matcher(all).replaceAll("").replace("\\\"", "\"").replace("\\\\", "\\");
  }

  @Test
  void everyQuotedMessageIsStillInTheSources() throws IOException {
    String sources = sources();
    for (Path chapter : CHAPTERS) {
      List<String> quotes = quotes(chapter);
      assertThat(quotes).as("[.message] blocks in %s", chapter).hasSizeGreaterThan(5);
      for (String quote : quotes) {
        for (String piece : PLACEHOLDER.split(quote)) {
          if (piece.trim().length() >= SHORTEST_CHECKED) {
            assertThat(sources.contains(piece))
                .as("%s quotes \"%s\": the piece \"%s\" is in no main source", chapter, quote, piece).isTrue();
          }
        }
      }
    }
  }
}
