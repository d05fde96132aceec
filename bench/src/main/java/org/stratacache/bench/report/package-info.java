/**
 * Turns JMH's JSON results into the benchmark report: a markdown (and AsciiDoc) table of ratios and
 * an SVG bar chart, for the user guide and {@code bench/results/}.
 */
package org.stratacache.bench.report;
