package org.stratacache.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A titled table of text cells, rendered as markdown or AsciiDoc. */
final class Table {

  private final String title;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String title, List<String> header) {
    this.title = title;
    this.header = List.copyOf(header);
  }

  void add(List<String> row) {
    if (row.size() != header.size()) {
      throw new IllegalArgumentException("a row of " + row.size() + " cells in table '" + title + "' of "
          + header.size() + " columns");
    }
    rows.add(List.copyOf(row));
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  List<List<String>> rows() {
    return List.copyOf(rows);
  }

  String markdown() {
    StringBuilder out = new StringBuilder("### ").append(title).append("\n\n");
    out.append(markdownRow(header));
    out.append('|');
    header.forEach(cell -> out.append(" --- |"));
    out.append('\n');
    rows.forEach(row -> out.append(markdownRow(row)));
    return out.append('\n').toString();
  }

  private static String markdownRow(List<String> cells) {
    StringBuilder out = new StringBuilder("|");
    cells.forEach(cell -> out.append(' ').append(cell.replace("|", "\\|")).append(" |"));
    return out.append('\n').toString();
  }

  String asciidoc() {
    StringBuilder out = new StringBuilder(".").append(title).append('\n');
    out.append("[options=\"header\"]\n|===\n");
    out.append(asciidocRow(header));
    rows.forEach(row -> out.append(asciidocRow(row)));
    return out.append("|===\n\n").toString();
  }

  private static String asciidocRow(List<String> cells) {
    StringBuilder out = new StringBuilder();
    cells.forEach(cell -> out.append("| ").append(cell.replace("|", "\\|")).append(' '));
    return out.append('\n').toString();
  }
}
