package org.stratacache.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The report's tables: ratios, scores per contender, the other benchmarks, Redis memory. */
final class Tables {

  private Tables() {
  }

  static List<Table> all(List<Result> results, Path redisMemory) throws IOException {
    List<Table> tables = new ArrayList<>();
    List<Ratios.Row> rows = Ratios.rows(results);
    tables.add(ratios(rows));
    tables.add(scores(rows));
    Table keys = aiKeys(results);
    if (!keys.isEmpty()) {
      tables.add(keys);
    }
    tables.add(others(results));
    if (Files.exists(redisMemory)) {
      tables.add(memory(redisMemory));
    }
    tables.removeIf(Table::isEmpty);
    return tables;
  }

  static Table ratios(List<Ratios.Row> rows) {
    List<String> header = new ArrayList<>(List.of("operation", "value", "threads"));
    Ratios.COLUMNS.forEach(column -> header.add(column.label()));
    Table table = new Table("Ratios (medians; throughput, above 1: the first is faster)", header);
    for (Ratios.Row row : rows) {
      List<String> cells = new ArrayList<>(List.of(row.operation(), Ratios.size(row.valueSize()),
          String.valueOf(row.threads())));
      Ratios.COLUMNS.forEach(column -> cells.add(Ratios.format(row.ratio(column))));
      table.add(cells);
    }
    return table;
  }

  static Table scores(List<Ratios.Row> rows) {
    Set<String> contenders = new LinkedHashSet<>();
    rows.forEach(row -> contenders.addAll(row.byContender().keySet()));
    List<String> header = new ArrayList<>(List.of("operation", "value", "threads"));
    contenders.forEach(contender -> header.add(contender.toLowerCase(Locale.ROOT)));
    Table table = new Table("Median throughput, ops/s (allocation per operation, bytes)", header);
    for (Ratios.Row row : rows) {
      List<String> cells = new ArrayList<>(List.of(row.operation(), Ratios.size(row.valueSize()),
          String.valueOf(row.threads())));
      for (String contender : contenders) {
        Result result = row.byContender().get(contender);
        cells.add(result == null ? "–" : number(result.median()) + allocation(result));
      }
      table.add(cells);
    }
    return table;
  }

  /** The AI key for a text against raw SHA-256 of its bytes: a time ratio, lower is better. */
  static Table aiKeys(List<Result> results) {
    Map<String, Result> strata = new LinkedHashMap<>();
    Map<String, Result> raw = new LinkedHashMap<>();
    for (Result result : results) {
      if (result.benchmark().equals("KeyGenerationBenchmark.strataKey")) {
        strata.put(result.param("textSize") + "|" + result.threads(), result);
      } else if (result.benchmark().equals("KeyGenerationBenchmark.rawSha256")) {
        raw.put(result.param("textSize") + "|" + result.threads(), result);
      }
    }
    Table table = new Table("AI key generation ÷ raw MessageDigest SHA-256 (time; below 1.2 is the goal)",
        List.of("text", "threads", "Strata key", "raw SHA-256", "unit", "time ratio"));
    strata.forEach((key, result) -> {
      Result floor = raw.get(key);
      if (floor != null) {
        table.add(List.of(Ratios.size(result.param("textSize")), String.valueOf(result.threads()),
            number(result.median()), number(floor.median()), result.unit(),
            Ratios.format(result.median() / floor.median())));
      }
    });
    return table;
  }

  static Table others(List<Result> results) {
    Table table = new Table("Other benchmarks (medians)",
        List.of("benchmark", "parameters", "threads", "median", "unit", "allocation B/op"));
    for (Result result : results) {
      if (result.param("contender").isEmpty()) {
        table.add(List.of(result.benchmark(), parameters(result.params()), String.valueOf(result.threads()),
            number(result.median()), result.unit(),
            Double.isNaN(result.bytesPerOp()) ? "–" : number(result.bytesPerOp())));
      }
    }
    return table;
  }

  static Table memory(Path csv) throws IOException {
    Table table = new Table("Redis memory per entry (MEMORY USAGE, bytes)",
        List.of("contender", "value", "bytes per entry", "÷ Redisson"));
    Map<String, Long> redisson = new LinkedHashMap<>();
    List<String[]> lines = new ArrayList<>();
    List<String> text = Files.readAllLines(csv, StandardCharsets.UTF_8);
    for (String line : text.subList(Math.min(1, text.size()), text.size())) {
      String[] cells = line.split(",");
      if (cells.length != 4) {
        throw new IOException(csv + ": expected contender,valueSize,entries,bytesPerEntry but got '" + line + "'");
      }
      lines.add(cells);
      if ("REDISSON".equals(cells[0])) {
        redisson.put(cells[1], Long.parseLong(cells[3]));
      }
    }
    for (String[] cells : lines) {
      Long peer = redisson.get(cells[1]);
      double ratio = peer == null || peer == 0 ? Double.NaN : Long.parseLong(cells[3]) / (double) peer;
      table.add(List.of(cells[0].toLowerCase(Locale.ROOT), Ratios.size(cells[1]), cells[3], Ratios.format(ratio)));
    }
    return table;
  }

  private static String parameters(Map<String, String> params) {
    List<String> parts = new ArrayList<>();
    params.forEach((name, value) -> parts.add(name + "=" + value));
    return parts.isEmpty() ? "–" : String.join(" ", parts);
  }

  private static String allocation(Result result) {
    return Double.isNaN(result.bytesPerOp()) ? "" : " (" + number(result.bytesPerOp()) + " B)";
  }

  static String number(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    if (Math.abs(value) >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return String.format(Locale.ROOT, "%.3g", value);
  }
}
