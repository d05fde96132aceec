package org.stratacache.jcache.internal.codec;

import com.esotericsoftware.kryo.io.Output;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.stratacache.jcache.codec.CodecException;

/**
 * Hostile stored values an attacker with write access to Redis can plant: about ten bytes that
 * claim a huge string, array, list or map (format 1 envelope, Kryo class ids as in
 * {@code golden/values-v1.properties}), a zstd frame of zeros inflating to 400 MB, and the
 * hash-code bomb. {@link #main} reads each claim from 20 threads: run in a JVM with
 * {@code -XX:+ExitOnOutOfMemoryError} and a small heap, it exits 0 only if no read exhausted it.
 */
public final class PlantedValues {

  private static final int STRING = 3;
  private static final int BYTE_ARRAY = 12;
  private static final int OBJECT_ARRAY = 17;
  private static final int ARRAY_LIST = 18;
  private static final int HASH_MAP = 20;
  private static final int HASH_SET = 23;
  private static final int NOT_NULL = 1;

  private PlantedValues() {
  }

  /** Each planted size claim, by what it claims. */
  public static Map<String, byte[]> sizeClaims() {
    Map<String, byte[]> claims = new LinkedHashMap<>();
    // a UTF-8 string: the flag bit set, then the char count plus one
    claims.put("400M-char string", claim(STRING, true, true, 400_000_000));
    claims.put("1 GiB byte[]", claim(BYTE_ARRAY, false, false, 1 << 30));
    claims.put("200M-element list", claim(ARRAY_LIST, true, false, 200_000_000));
    claims.put("200M-element Object[]", claim(OBJECT_ARRAY, false, false, 200_000_000));
    claims.put("200M-entry HashMap", claim(HASH_MAP, false, false, 200_000_000));
    claims.put("200M-element HashSet", claim(HASH_SET, true, false, 200_000_000));
    return claims;
  }

  /** A value of class {@code classId} claiming {@code count} elements, and nothing more. */
  private static byte[] claim(int classId, boolean flagged, boolean flag, int count) {
    return planted(out -> {
      out.writeVarInt(classId, true);
      out.writeVarInt(NOT_NULL, true);
      if (flagged) {
        out.writeVarIntFlag(flag, count + 1, true);
      } else {
        out.writeVarInt(count + 1, true);
      }
    });
  }

  private static byte[] planted(Consumer<Output> kryoBytes) {
    Output out = new Output(32, -1);
    out.writeByte(ValueCodec.VERSION);
    out.writeByte(0);
    kryoBytes.accept(out);
    return out.toBytes();
  }

  /**
   * A stored value holding a zstd frame of {@code size} zeros, streamed so that the frame does
   * not declare its size, then, when {@code declared}, with the size patched into its header as a
   * one-shot compressor writes it. 400 MB of zeros make a frame of about 12,800 bytes.
   */
  public static byte[] zeros(long size, boolean declared) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(ValueCodec.VERSION);
    frame.write(ValueCodec.FLAG_ZSTD);
    byte[] chunk = new byte[1 << 20];
    try (ZstdOutputStream zstd = new ZstdOutputStream(frame, 3)) {
      for (long written = 0; written < size; written += chunk.length) {
        zstd.write(chunk, 0, (int) Math.min(chunk.length, size - written));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = frame.toByteArray();
    return declared ? declareSize(bytes, size) : bytes;
  }

  /** Sets the frame header's content size field (8 bytes) of a frame written without it. */
  private static byte[] declareSize(byte[] stored, long size) {
    int descriptor = 2 + 4;
    if ((stored[descriptor] & 0xe0) != 0) {
      throw new IllegalStateException("the frame already declares its size or is single-segment");
    }
    byte[] bytes = new byte[stored.length + 8];
    int afterWindow = descriptor + 2 + ((stored[descriptor] & 3) == 0 ? 0 : 1 << ((stored[descriptor] & 3) - 1));
    System.arraycopy(stored, 0, bytes, 0, afterWindow);
    bytes[descriptor] = (byte) (stored[descriptor] | 0xc0);
    for (int i = 0; i < 8; i++) {
      bytes[afterWindow + i] = (byte) (size >>> (8 * i));
    }
    System.arraycopy(stored, afterWindow, bytes, afterWindow + 8, stored.length - afterWindow);
    return bytes;
  }

  /**
   * The hash-code bomb: {@code depth} levels of two sets each holding the same two sets of the
   * next level, built so that no hash is computed while building it. Its hash code visits 2^depth
   * sets; its bytes grow linearly with depth.
   */
  public static Set<Object> hashBomb(int depth) {
    Set<Object> root = new HashSet<>();
    Set<Object> s1 = root;
    Set<Object> s2 = new HashSet<>();
    for (int i = 0; i < depth; i++) {
      Set<Object> t1 = new HashSet<>();
      Set<Object> t2 = new HashSet<>();
      t1.add("foo");
      s1.add(t1);
      s1.add(t2);
      s2.add(t1);
      s2.add(t2);
      s1 = t1;
      s2 = t2;
    }
    return root;
  }

  /** A list holding a list, {@code depth} deep. */
  public static List<Object> deepList(int depth) {
    List<Object> value = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      List<Object> outer = new ArrayList<>();
      outer.add(value);
      value = outer;
    }
    return value;
  }

  /**
   * Reads each planted value from 20 threads, 5 times each, and prints how each read ended. Exit
   * code 0: every read ended with a {@code CodecException}; 1: a read ended otherwise. A read that
   * exhausts the heap exits the JVM (3) when run with {@code -XX:+ExitOnOutOfMemoryError}.
   */
  public static void main(String[] args) throws Exception {
    ValueCodec codec = GoldenValues.codec();
    List<byte[]> values = new ArrayList<>(sizeClaims().values());
    values.add(zeros(400L << 20, true));
    values.add(zeros(400L << 20, false));
    values.add(codec.encode(hashBomb(26)));
    ExecutorService threads = Executors.newFixedThreadPool(20);
    try {
      List<Future<?>> reads = new ArrayList<>();
      for (byte[] value : values) {
        for (int i = 0; i < 100; i++) {
          reads.add(threads.submit(() -> expectRefused(codec, value)));
        }
      }
      for (Future<?> read : reads) {
        read.get();
      }
    } finally {
      threads.shutdownNow();
    }
    System.out.println("all " + values.size() * 100 + " reads refused");
  }

  private static void expectRefused(ValueCodec codec, byte[] value) {
    try {
      codec.decode(value);
    } catch (CodecException expected) {
      return;
    }
    System.err.println("a planted value decoded");
    System.exit(1);
  }
}
