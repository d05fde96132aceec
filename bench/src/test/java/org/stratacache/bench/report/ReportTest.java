package org.stratacache.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** The report tool on a small JMH JSON fixture: medians, ratios, tables and a well-formed chart. */
class ReportTest {

  @TempDir
  Path directory;

  private void copyFixture() throws IOException {
    for (String name : List.of("peers-t1.json", "redis-memory.csv")) {
      try (InputStream in = getClass().getResourceAsStream("/report/" + name)) {
        Files.copy(in, directory.resolve(name));
      }
    }
  }

  @Test
  void readsMediansAndAllocation() throws IOException {
    copyFixture();
    List<Result> results = Report.read(directory);
    assertThat(results).hasSize(9);
    Result strata = results.get(0);
    assertThat(strata.benchmark()).isEqualTo("PeersBenchmark.get");
    assertThat(strata.param("contender")).isEqualTo("STRATA_MEMORY_VALUE");
    assertThat(strata.median()).isEqualTo(10e6);
    assertThat(strata.score()).isEqualTo(9e6);
    assertThat(strata.bytesPerOp()).isEqualTo(16.0);
    assertThat(results.get(2).bytesPerOp()).isNaN();
  }

  @Test
  void ratiosAreMediansOfTheSameOperationSizeAndThreads() throws IOException {
    copyFixture();
    List<Ratios.Row> rows = Ratios.rows(Report.read(directory));
    assertThat(rows).extracting(Ratios.Row::label).containsExactly("get 100 B, 1t", "get 100 B, 4t");
    Ratios.Row row = rows.get(0);
    assertThat(row.ratio(Ratios.COLUMNS.get(0))).isEqualTo(2.0);    // 10 M ÷ 5 M
    assertThat(row.ratio(Ratios.COLUMNS.get(1))).isNaN();           // no by-reference results
    assertThat(row.ratio(Ratios.COLUMNS.get(2))).isEqualTo(5.0);    // 10 M ÷ 2 M
    assertThat(row.ratio(Ratios.COLUMNS.get(4))).isEqualTo(0.9);    // 9,000 ÷ 10,000
    assertThat(row.ratio(Ratios.COLUMNS.get(6))).isEqualTo(1.5);    // 9,000 ÷ 6,000
  }

  @Test
  void writesTablesAndAWellFormedChart() throws Exception {
    copyFixture();
    Report.main(new String[] {directory.toString()});
    String markdown = Files.readString(directory.resolve("report.md"), StandardCharsets.UTF_8);
    assertThat(markdown)
        .contains("| get | 100 B | 1 | 2.00 | – | 5.00 | – | 0.90 | 0.60 | 1.50 |")
        .contains("| 1 MB | 1 | 1,150 | 1,000 | us/op | 1.15 |")
        .contains("| strata_redis | 10 KB | 1864 | 0.15 |")
        .contains("10,000,000 (16.0 B)");
    assertThat(Files.readString(directory.resolve("report.adoc"))).contains("|===").contains("| get | 100 B | 1 ");
    Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(directory.resolve("ratios.svg").toFile());
    // one bar per measured ratio: 5 in the 1-thread row; none in the 4-thread row (only the floor ran)
    assertThat(svg.getElementsByTagName("title").getLength()).isEqualTo(5);
  }

  @Test
  void aFileThatIsNotJmhJsonIsNamedInTheError() throws IOException {
    Files.writeString(directory.resolve("broken.json"), "{\"not\": \"an array\"}");
    assertThatThrownBy(() -> Report.read(directory)).isInstanceOf(IOException.class)
        .hasMessageContaining("broken.json").hasMessageContaining("not a JMH JSON result file");
  }

  @Test
  void anEmptyDirectoryIsAnError() {
    assertThatThrownBy(() -> Report.read(directory)).isInstanceOf(IOException.class)
        .hasMessageContaining("No JMH *.json results in");
  }
}
