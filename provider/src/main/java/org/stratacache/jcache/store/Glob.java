package org.stratacache.jcache.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.stratacache.jcache.internal.Messages;

/**
 * Redis glob patterns as predicates, with exactly the meaning Redis gives them in {@code KEYS} and
 * {@code SCAN MATCH}, so that a pattern selects the same keys on every store. Matched against the
 * UTF-8 bytes of a key, as Redis does: {@code *} any run of bytes, {@code ?} one byte,
 * {@code [abc]}, {@code [^abc]} and ranges {@code [a-z]} one byte (a range written backwards, such
 * as {@code [z-a]}, is the same range, as in Redis), and {@code \} makes the next character literal,
 * inside a class too. A backslash at the very end stands for itself.
 *
 * <p>Matching takes time proportional to the pattern's length times the key's at worst (no
 * backtracking beyond the last {@code *}), so no pattern can make it take long. Invalid patterns
 * are refused with an {@link IllegalArgumentException}: a {@code [} without its {@code ]}, and more
 * than {@value #MAX_STARS} runs of {@code *} (past which Redis matches nothing).
 */
public final class Glob implements Predicate<String> {

  /** Runs of {@code *} a pattern may hold: Redis stops matching past 1,000 nested ones. */
  static final int MAX_STARS = 1_000;
  private static final int STAR = -1;
  private static final int ANY = -2;

  /** Per position: a byte to match (0..255), {@link #STAR}, {@link #ANY}, or the index of a class, negated minus 3. */
  private final int[] tokens;
  private final List<ByteClass> classes;

  private Glob(int[] tokens, List<ByteClass> classes) {
    this.tokens = tokens;
    this.classes = classes;
  }

  /**
   * A predicate matching whole strings against {@code glob}.
   *
   * @throws IllegalArgumentException when the pattern is invalid, saying why and where
   * @throws NullPointerException     when {@code glob} is null
   */
  public static Glob matcher(String glob) {
    if (glob == null) {
      throw new NullPointerException("pattern is null");
    }
    byte[] pattern = glob.getBytes(StandardCharsets.UTF_8);
    List<Integer> tokens = new ArrayList<>();
    List<ByteClass> classes = new ArrayList<>();
    int stars = 0;
    int i = 0;
    while (i < pattern.length) {
      int c = pattern[i];
      if (c == '*') {
        while (i + 1 < pattern.length && pattern[i + 1] == '*') {
          i++;
        }
        if (++stars > MAX_STARS) {
          throw new IllegalArgumentException("Invalid pattern " + Messages.shorten(glob) + ": more than "
              + MAX_STARS + " '*' (Redis matches nothing past that)");
        }
        tokens.add(STAR);
        i++;
      } else if (c == '?') {
        tokens.add(ANY);
        i++;
      } else if (c == '[') {
        int start = i;
        ByteClass parsed = new ByteClass();
        i++;
        if (i < pattern.length && pattern[i] == '^') {
          parsed.negated = true;
          i++;
        }
        while (true) {
          if (i >= pattern.length) {
            throw new IllegalArgumentException("Invalid pattern " + Messages.shorten(glob) + ": the '[' at "
                + charIndex(pattern, start) + " has no closing ']' (write \\[ for a literal '[')");
          }
          if (pattern[i] == '\\' && i + 1 < pattern.length) {
            parsed.add(pattern[i + 1], pattern[i + 1]);
            i += 2;
          } else if (pattern[i] == ']') {
            i++;
            break;
          } else if (i + 2 < pattern.length && pattern[i + 1] == '-') {
            // Redis compares signed chars, so do the bytes here; a backwards range is swapped
            parsed.add(pattern[i], pattern[i + 2]);
            i += 3;
          } else {
            parsed.add(pattern[i], pattern[i]);
            i++;
          }
        }
        tokens.add(-3 - classes.size());
        classes.add(parsed);
      } else if (c == '\\' && i + 1 < pattern.length) {
        tokens.add(pattern[i + 1] & 0xFF);
        i += 2;
      } else {
        tokens.add(c & 0xFF);
        i++;
      }
    }
    return new Glob(tokens.stream().mapToInt(Integer::intValue).toArray(), classes);
  }

  private static int charIndex(byte[] utf8, int byteIndex) {
    return new String(utf8, 0, byteIndex, StandardCharsets.UTF_8).length();
  }

  /** Whether {@code text} matches the whole pattern. */
  @Override
  public boolean test(String text) {
    return matches(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether {@code text} (UTF-8 or any bytes, as Redis sees a key) matches the whole pattern. */
  public boolean matches(byte[] text) {
    int p = 0;
    int t = 0;
    int starP = -1;
    int starT = 0;
    while (t < text.length) {
      if (p < tokens.length && tokens[p] == STAR) {
        starP = p++;
        starT = t;
      } else if (p < tokens.length && matchesOne(tokens[p], text[t])) {
        p++;
        t++;
      } else if (starP >= 0) {
        // only the last '*' is ever widened: every other token takes exactly one byte
        p = starP + 1;
        t = ++starT;
      } else {
        return false;
      }
    }
    while (p < tokens.length && tokens[p] == STAR) {
      p++;
    }
    return p == tokens.length;
  }

  private boolean matchesOne(int token, byte b) {
    if (token >= 0) {
      return (b & 0xFF) == token;
    }
    if (token == ANY) {
      return true;
    }
    return classes.get(-3 - token).test(b);
  }

  /** The members of one {@code [...]}: single bytes and ranges, compared as Redis does (signed). */
  private static final class ByteClass {
    private boolean negated;
    private final List<byte[]> ranges = new ArrayList<>();

    void add(byte from, byte to) {
      ranges.add(from <= to ? new byte[] {from, to} : new byte[] {to, from});
    }

    boolean test(byte b) {
      boolean in = false;
      for (byte[] range : ranges) {
        if (b >= range[0] && b <= range[1]) {
          in = true;
          break;
        }
      }
      return in != negated;
    }
  }
}
