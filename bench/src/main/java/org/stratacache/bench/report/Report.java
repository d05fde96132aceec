package org.stratacache.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Turns a results directory of JMH JSON files ({@code *.json}) into {@code report.md},
 * {@code report.adoc} (the same tables for the user guide) and {@code ratios.svg}, written into the
 * same directory. A {@code redis-memory.csv} there (from {@code RedisMemoryReport}) adds its table.
 *
 * <p>Usage: {@code java -cp benchmarks.jar org.stratacache.bench.report.Report bench/results/<date>}
 */
public final class Report {

  private Report() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: Report <results directory holding JMH *.json files>");
    }
    Path directory = Path.of(args[0]);
    List<Result> results = read(directory);
    List<Table> tables = Tables.all(results, directory.resolve("redis-memory.csv"));
    StringBuilder markdown = new StringBuilder("# Strata Cache benchmarks\n\n")
        .append("Medians of the iterations; ratios of throughput (above 1: the first is faster), of time for the ")
        .append("AI key. Chart: ratios.svg.\n\n");
    StringBuilder asciidoc = new StringBuilder();
    for (Table table : tables) {
      markdown.append(table.markdown());
      asciidoc.append(table.asciidoc());
    }
    Files.writeString(directory.resolve("report.md"), markdown, StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("report.adoc"), asciidoc, StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("ratios.svg"),
        SvgChart.render("Strata ÷ peers and ÷ the Lettuce floor (medians, throughput)", Ratios.rows(results)),
        StandardCharsets.UTF_8);
    System.out.printf(Locale.ROOT, "%d results -> %s%n", results.size(), directory.resolve("report.md"));
  }

  static List<Result> read(Path directory) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.filter(path -> path.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IOException("No JMH *.json results in " + directory);
    }
    List<Result> results = new ArrayList<>();
    for (Path file : files) {
      results.addAll(JmhJson.read(file));
    }
    return results;
  }
}
