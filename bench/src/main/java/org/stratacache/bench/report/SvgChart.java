package org.stratacache.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart of the ratios, one group of bars per operation row and one colour per
 * ratio column, on a log-2 axis centred on 1 (left of the line: the first contender is slower).
 */
final class SvgChart {

  private static final String[] COLOURS = {"#1f77b4", "#aec7e8", "#ff7f0e", "#ffbb78", "#2ca02c", "#98df8a",
      "#d62728"};
  private static final int LABEL_WIDTH = 190;
  private static final int PLOT_WIDTH = 520;
  private static final int BAR = 5;
  private static final int GROUP_GAP = 8;
  private static final int TOP = 40;
  private static final double MIN_LOG = -4;
  private static final double MAX_LOG = 4;

  private SvgChart() {
  }

  static String render(String title, List<Ratios.Row> rows) {
    List<Ratios.Column> columns = Ratios.COLUMNS;
    int groupHeight = columns.size() * BAR + GROUP_GAP;
    int legendTop = TOP + rows.size() * groupHeight + 30;
    int height = legendTop + columns.size() * 16 + 10;
    int width = LABEL_WIDTH + PLOT_WIDTH + 20;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
        + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"10\">%n", width, height, width, height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(text(LABEL_WIDTH, 14, escape(title), "start", 12));
    for (int exponent = (int) MIN_LOG; exponent <= MAX_LOG; exponent++) {
      double x = x(Math.pow(2, exponent));
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>%n", x,
          TOP - 8, x, legendTop - 22, exponent == 0 ? "black" : "#dddddd"));
      svg.append(text(x, TOP - 10, tick(exponent), "middle", 9));
    }
    int y = TOP;
    for (Ratios.Row row : rows) {
      svg.append(text(LABEL_WIDTH - 6, y + columns.size() * BAR / 2.0 + 3, escape(row.label()), "end", 10));
      for (int c = 0; c < columns.size(); c++) {
        double ratio = row.ratio(columns.get(c));
        if (!Double.isNaN(ratio) && ratio > 0) {
          double from = x(1);
          double to = x(ratio);
          svg.append(String.format(Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>%n",
              Math.min(from, to), y + c * BAR, Math.max(0.5, Math.abs(to - from)), BAR - 1, COLOURS[c],
              escape(columns.get(c).label()), Ratios.format(ratio)));
        }
      }
      y += groupHeight;
    }
    for (int c = 0; c < columns.size(); c++) {
      int top = legendTop + c * 16;
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"10\" fill=\"%s\"/>%n",
          LABEL_WIDTH, top, COLOURS[c]));
      svg.append(text(LABEL_WIDTH + 18, top + 9, escape(columns.get(c).label()), "start", 10));
    }
    return svg.append("</svg>\n").toString();
  }

  private static double x(double ratio) {
    double log = Math.max(MIN_LOG, Math.min(MAX_LOG, Math.log(ratio) / Math.log(2)));
    return LABEL_WIDTH + (log - MIN_LOG) / (MAX_LOG - MIN_LOG) * PLOT_WIDTH;
  }

  private static String tick(int exponent) {
    return exponent >= 0 ? (1 << exponent) + "×" : "1/" + (1 << -exponent);
  }

  private static String text(double x, double y, String content, String anchor, int size) {
    return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
        x, y, anchor, size, content);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
