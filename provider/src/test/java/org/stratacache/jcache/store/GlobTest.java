package org.stratacache.jcache.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GlobTest {

  @Test
  void redisGlobSyntax() {
    assertThat(Glob.matcher("user:*").test("user:42")).isTrue();
    assertThat(Glob.matcher("user:*").test("admin:1")).isFalse();
    assertThat(Glob.matcher("h?llo").test("hello")).isTrue();
    assertThat(Glob.matcher("h[ae]llo").test("hallo")).isTrue();
    assertThat(Glob.matcher("h[^e]llo").test("hello")).isFalse();
    assertThat(Glob.matcher("h[a-c]llo").test("hbllo")).isTrue();
    assertThat(Glob.matcher("a\\*b").test("a*b")).isTrue();
    assertThat(Glob.matcher("a\\*b").test("axb")).isFalse();
    assertThat(Glob.matcher("price.(usd)+").test("price.(usd)+")).as("regex characters are literal").isTrue();
    assertThat(Glob.matcher("*").test("")).isTrue();
  }

  @Test
  void redisCornerCases() {
    assertThat(Glob.matcher("[z-a]").test("m")).as("a backwards range is swapped, as in Redis").isTrue();
    assertThat(Glob.matcher("[z-a]").test("A")).isFalse();
    assertThat(Glob.matcher("[]a]").test("a")).as("[] is an empty class; 'a]' follows").isFalse();
    assertThat(Glob.matcher("[]a]").test("]")).isFalse();
    assertThat(Glob.matcher("x[]a]").test("xa]")).isFalse();
    assertThat(Glob.matcher("[^]").test("q")).as("[^] is any one byte").isTrue();
    assertThat(Glob.matcher("[a-]]").test("^")).as("'a-]' is the range ']'..'a'").isTrue();
    assertThat(Glob.matcher("[\\]]").test("]")).isTrue();
    assertThat(Glob.matcher("[\\-a]").test("-")).isTrue();
    assertThat(Glob.matcher("[\\-a]").test("b")).isFalse();
    assertThat(Glob.matcher("a\\").test("a\\")).as("a trailing backslash stands for itself").isTrue();
    assertThat(Glob.matcher("?").test("é")).as("? is one byte, as Redis matches UTF-8 bytes").isFalse();
    assertThat(Glob.matcher("??").test("é")).isTrue();
    assertThat(Glob.matcher("a**b").test("ab")).isTrue();
    assertThat(Glob.matcher("").test("")).isTrue();
    assertThat(Glob.matcher("").test("a")).isFalse();
  }

  @Test
  void invalidPatternsAreClearErrors() {
    for (String invalid : new String[] {"[abc", "user:[", "[a-", "[\\", "[^"}) {
      assertThatThrownBy(() -> Glob.matcher(invalid)).as(invalid).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("has no closing ']'").hasNoCause();
    }
    assertThatThrownBy(() -> Glob.matcher("a*".repeat(Glob.MAX_STARS + 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 1000 '*'");
  }

  @Test
  void noPatternTakesLong() {
    String key = "a".repeat(39) + "b";
    long start = System.nanoTime();
    for (String pattern : new String[] {"*a".repeat(11), "a*".repeat(11) + "c", "*a*a*a*a*a*a*a*a*a*a*c",
        "?*".repeat(11) + "c"}) {
      assertThat(Glob.matcher(pattern).test(key)).as(pattern).isFalse();
    }
    String longKey = "a".repeat(100_000) + "b";
    assertThat(Glob.matcher("*a".repeat(500)).test(longKey)).isFalse();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("generous bound").isLessThan(2_000);
    start = System.nanoTime();
    assertThat(Glob.matcher("*a".repeat(11)).test(key)).isFalse();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("22-char pattern, 40-char key")
        .isLessThan(50);
  }
}
