package org.stratacache.jcache.store;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Redis glob patterns ({@code *}, {@code ?}, {@code [...]}, {@code [^...]}, {@code \\} escapes) as predicates. */
public final class Glob {

  private Glob() {
  }

  /** A predicate matching whole strings against {@code glob}. */
  public static Predicate<String> matcher(String glob) {
    return Pattern.compile(toRegex(glob), Pattern.DOTALL).asMatchPredicate();
  }

  static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder(glob.length() + 8);
    boolean inClass = false;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '\\' && i + 1 < glob.length()) {
        regex.append(literal(glob.charAt(++i)));
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
          regex.append(']');
        } else if (c == '^' && glob.charAt(i - 1) == '[') {
          regex.append('^');
        } else if (c == '-') {
          regex.append('-');
        } else {
          regex.append(literal(c));
        }
      } else if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else if (c == '[' && glob.indexOf(']', i + 1) > i) {
        inClass = true;
        regex.append('[');
      } else {
        regex.append(literal(c));
      }
    }
    return regex.toString();
  }

  private static String literal(char c) {
    return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c;
  }
}
