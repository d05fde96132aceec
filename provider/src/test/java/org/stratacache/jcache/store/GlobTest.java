package org.stratacache.jcache.store;

import static org.assertj.core.api.Assertions.assertThat;

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
}
