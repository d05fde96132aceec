package org.stratacache.jcache.internal.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A Lua script kept as a {@code .lua} resource next to this class, with its SHA-1 for EVALSHA.
 * Every script is loaded with {@code lifetimes.lua} in front, so the lifetime rules live once.
 */
enum Script {
  PUT("put.lua"),
  REPLACE_IF_EQUAL("replace_if_equal.lua"),
  REMOVE_IF_EQUAL("remove_if_equal.lua"),
  APPLY_IF_UNCHANGED("apply_if_unchanged.lua"),
  TAG_ADD("tag_add.lua"),
  INDEX_AFTER_WRITE("index_after_write.lua"),
  INDEX_SIZE("index_size.lua");

  private final byte[] source;
  private final String sha;

  Script(String resource) {
    byte[] common = read("lifetimes.lua");
    byte[] body = read(resource);
    this.source = Arrays.copyOf(common, common.length + body.length);
    System.arraycopy(body, 0, source, common.length, body.length);
    try {
      this.sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(source));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is required by the Java platform", e);
    }
  }

  private static byte[] read(String resource) {
    try (InputStream in = Script.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing script resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read script " + resource, e);
    }
  }

  byte[] source() {
    return source.clone();
  }

  String sha() {
    return sha;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT) + ".lua@" + sha.substring(0, 8);
  }
}
