package org.stratacache.jcache.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.cache.CacheException;
import org.stratacache.jcache.codec.ClassNotAllowedException;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.store.StoreAccessException;

/** Outcomes of reads of fuzzed values: decoded, refused (and why), or escaped (anything undocumented). Thread-safe. */
final class FuzzTally {

  private final String name;
  private final boolean failuresAllowed;
  private final Map<String, Integer> outcomes = new TreeMap<>();
  private final Map<String, Integer> reasons = new TreeMap<>();
  private final List<Throwable> escaped = new ArrayList<>();
  private int canaryRefusals;

  /**
   * A tally for one read path.
   *
   * @param failuresAllowed whether a {@link CacheException} is a documented outcome (fail policy) or
   *                        an escape (miss policy: reads return values or nothing)
   */
  FuzzTally(String name, boolean failuresAllowed) {
    this.name = name;
    this.failuresAllowed = failuresAllowed;
  }

  synchronized void decoded(Object kind) {
    outcomes.merge(kind + " decoded", 1, Integer::sum);
  }

  synchronized void missed(Object kind) {
    outcomes.merge(kind + " missed", 1, Integer::sum);
  }

  /**
   * A read failed.
   *
   * @param kind the sample's {@link FuzzCorpus.Kind}, or what a bulk read failed on
   */
  synchronized void thrown(Object kind, Throwable thrown) {
    // Redis failing is no answer about the bytes: it counts as an escape, so the run is not mistaken for a pass
    if (!failuresAllowed || !(thrown instanceof CacheException) || thrown instanceof StoreAccessException) {
      if (escaped.size() < 20) {
        escaped.add(thrown);
      }
      outcomes.merge(kind + " ESCAPED " + thrown.getClass().getSimpleName(), 1, Integer::sum);
      return;
    }
    outcomes.merge(kind + " refused", 1, Integer::sum);
    reasons.merge(reason(thrown), 1, Integer::sum);
  }

  /** The innermost codec failure, with numbers and quoted parts blanked so that alike reasons group. */
  private String reason(Throwable thrown) {
    CodecException innermost = null;
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ClassNotAllowedException notAllowed && notAllowed.className().contains("Canary")) {
        canaryRefusals++;
      }
      if (t instanceof CodecException codec) {
        innermost = codec;
      }
    }
    if (innermost == null) {
      return thrown.getClass().getSimpleName() + ": " + thrown.getMessage();
    }
    String message = String.valueOf(innermost.getMessage()).lines().findFirst().orElse("")
        .replaceAll("'[^']*'", "'...'").replaceAll("0x[0-9a-f]+", "0x#").replaceAll("-?\\d+", "#")
        .replaceAll("with id: #", "").replaceAll("reference for \\S+", "reference for a <type>");
    if (innermost instanceof ClassNotAllowedException notAllowed) {
      message = "class not allowed: " + (notAllowed.className().contains("Canary") ? "the canary" : "another name");
    }
    return innermost.getClass().getSimpleName() + ": " + (message.length() > 80 ? message.substring(0, 80) : message);
  }

  String name() {
    return name;
  }

  synchronized List<Throwable> escaped() {
    return escaped;
  }

  synchronized int canaryRefusals() {
    return canaryRefusals;
  }

  synchronized int count(String suffix) {
    return outcomes.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).mapToInt(Map.Entry::getValue).sum();
  }

  @Override
  public synchronized String toString() {
    String byKind = outcomes.entrySet().stream().map(e -> "    " + e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining("\n"));
    String byReason = reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(16).map(e -> "    " + e.getValue() + "  " + e.getKey()).collect(Collectors.joining("\n"));
    return name + ": decoded " + count(" decoded") + ", missed " + count(" missed") + ", refused " + count(" refused")
        + ", escaped " + outcomes.entrySet().stream().filter(e -> e.getKey().contains("ESCAPED"))
        .mapToInt(Map.Entry::getValue).sum() + "\n" + byKind + (byReason.isEmpty() ? "" : "\n  refused because:\n"
        + byReason);
  }
}
