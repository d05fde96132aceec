package org.stratacache.jcache.fuzz;

import com.github.luben.zstd.Zstd;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.stratacache.jcache.internal.codec.ValueCodec;

/**
 * Stored values to fuzz a cache with: real encoded values (the seeds), and byte strings made from
 * them or from nothing (random bytes, bit flips, truncation, splicing, random headers, zstd frames
 * claiming huge sizes, unregistered Kryo class ids, nesting deep enough to overflow a stack, and
 * class names forged to name {@link Canary}). Deterministic for a given seed of its {@link Random}.
 */
final class FuzzCorpus {

  /** What a fuzzed value is made of; the test reports outcomes per kind. */
  enum Kind { ORIGINAL, RANDOM, BIT_FLIP, TRUNCATED, SPLICED, RANDOM_HEADER, HUGE_ZSTD, UNREGISTERED_ID, DEEP, NULL, CANARY }

  /** One stored value and how it was made; {@code expected} is set for unmodified seeds. */
  record Sample(Kind kind, byte[] bytes, Object expected) {
  }

  /** The kinds drawn at random; deep values (up to 800 KB each) and stored nulls come at fixed intervals. */
  private static final Kind[] DRAWN = {Kind.RANDOM, Kind.BIT_FLIP, Kind.TRUNCATED, Kind.SPLICED, Kind.RANDOM_HEADER,
      Kind.HUGE_ZSTD, Kind.UNREGISTERED_ID, Kind.CANARY};
  private final Random random;
  private final List<Object> values = new ArrayList<>();
  private final List<byte[]> seeds = new ArrayList<>();
  private final List<byte[]> canaries = new ArrayList<>();
  private final List<byte[]> deep = new ArrayList<>();

  FuzzCorpus(ValueCodec codec, long seed) {
    this.random = new Random(seed);
    for (Object value : seedValues()) {
      values.add(value);
      seeds.add(codec.encode(value));
    }
    canaries.add(forge(codec.encode(new Parcel("p", 1L)), "fuzz.Parcel", "fuzz.Canary", 0));
    canaries.add(forge(codec.encode(new Object[] {new Parcel("p", List.of(new Parcel("q", 2)))}),
        "fuzz.Parcel", "fuzz.Canary", 0));
    canaries.add(forge(codec.encode(new Parcel[] {new Parcel("a", "b")}), "fuzz.Parcel", "fuzz.Canary", 0));
    canaries.add(forge(codec.encode(new Hooked("x")), "fuzz.Hooked", "fuzz.Canary", 0));
    // the Kryo name stays; only the name inside the Java serialization stream changes
    canaries.add(forge(codec.encode(new Hooked("x")), "fuzz.Hooked", "fuzz.Canary", 1));
    canaries.add(forge(codec.encode(new Hooked(new Hooked(new ArrayList<>(List.of("y"))))), "fuzz.Hooked", "fuzz.Canary", 1));
    for (int depth : new int[] {1_000, 10_000, 50_000, 200_000}) {
      deep.add(nestedLists(depth));
      deep.add(nestedArrays(depth));
    }
    for (byte[] plain : new ArrayList<>(deep)) {
      deep.add(compressed(plain));
    }
  }

  private static List<Object> seedValues() {
    List<Object> seedValues = new ArrayList<>();
    seedValues.add("hello");
    seedValues.add("JSON-like text, long enough to be compressed. ".repeat(60));
    seedValues.add(42L);
    seedValues.add(-7);
    seedValues.add(2.5d);
    seedValues.add(Boolean.TRUE);
    seedValues.add(new BigDecimal("12345.6789"));
    seedValues.add(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    seedValues.add(Instant.ofEpochSecond(1_700_000_000L, 123_456_789));
    seedValues.add(new byte[] {1, 2, 3, 4, 5});
    seedValues.add(new ArrayList<>(List.of("a", 1L, 2.0d, List.of(3, 4))));
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("name", "Ada");
    map.put("tags", new ArrayList<>(List.of("x", "y")));
    map.put("nested", new HashMap<>(Map.of("k", 1)));
    seedValues.add(map);
    seedValues.add(new Parcel("box", new Parcel("inner", List.of(1, 2, 3))));
    seedValues.add(new Hooked(new ArrayList<>(List.of("hooked", 7L))));
    seedValues.add(new Object[] {"array", 1, new Parcel("p", null)});
    seedValues.add(new String[] {"s", "t"});
    return seedValues;
  }

  /** The {@code i}-th sample: one in twenty is an unmodified seed, one in 500 deep, one in 500 a null. */
  Sample next(int i) {
    Kind kind = i % 20 == 0 ? Kind.ORIGINAL : i % 500 == 1 ? Kind.DEEP : i % 500 == 2 ? Kind.NULL
        : DRAWN[random.nextInt(DRAWN.length)];
    int pick = random.nextInt(seeds.size());
    byte[] seed = seeds.get(pick);
    return switch (kind) {
      case ORIGINAL -> new Sample(kind, seed.clone(), values.get(pick));
      case RANDOM -> new Sample(kind, randomBytes(), null);
      case BIT_FLIP -> new Sample(kind, flipped(seed), null);
      case TRUNCATED -> new Sample(kind, Arrays.copyOf(seed, random.nextInt(seed.length)), null);
      case SPLICED -> new Sample(kind, spliced(seed, seeds.get(random.nextInt(seeds.size()))), null);
      case RANDOM_HEADER -> new Sample(kind, withRandomHeader(seed), null);
      case HUGE_ZSTD -> new Sample(kind, hugeZstd(), null);
      case UNREGISTERED_ID -> new Sample(kind, unregisteredId(), null);
      case DEEP -> new Sample(kind, deep.get(random.nextInt(deep.size())), null);
      case NULL -> new Sample(kind, random.nextBoolean() ? new byte[] {ValueCodec.VERSION, 0, 0}
          : compressed(new byte[] {ValueCodec.VERSION, 0, 0}), null);
      case CANARY -> new Sample(kind, canary(), null);
    };
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[random.nextInt(80)];
    random.nextBytes(bytes);
    if (bytes.length >= 2 && random.nextBoolean()) {
      bytes[0] = ValueCodec.VERSION;
      bytes[1] = (byte) random.nextInt(4);
    }
    return bytes;
  }

  private byte[] flipped(byte[] seed) {
    byte[] bytes = seed.clone();
    int flips = 1 + random.nextInt(random.nextBoolean() ? 2 : 8);
    for (int f = 0; f < flips; f++) {
      int at = random.nextInt(bytes.length);
      bytes[at] ^= (byte) (1 << random.nextInt(8));
    }
    return bytes;
  }

  private byte[] spliced(byte[] first, byte[] second) {
    int cut = random.nextInt(first.length + 1);
    int from = random.nextInt(second.length + 1);
    byte[] bytes = Arrays.copyOf(first, cut + second.length - from);
    System.arraycopy(second, from, bytes, cut, second.length - from);
    return bytes;
  }

  private byte[] withRandomHeader(byte[] seed) {
    byte[] bytes = seed.clone();
    bytes[random.nextInt(2)] = (byte) random.nextInt(256);
    if (random.nextBoolean()) {
      bytes[0] = (byte) random.nextInt(256);
      bytes[1] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  /** A zstd frame header claiming up to 2^63 bytes, followed by a few random bytes. */
  private byte[] hugeZstd() {
    long[] sizes = {(1L << 20) + 1, 64L << 20, 512L << 20, (512L << 20) + 1, 1L << 31, 1L << 40, Long.MAX_VALUE};
    long size = sizes[random.nextInt(sizes.length)];
    byte[] bytes = new byte[2 + 4 + 1 + 8 + random.nextInt(40)];
    random.nextBytes(bytes);
    bytes[0] = ValueCodec.VERSION;
    bytes[1] = ValueCodec.FLAG_ZSTD;
    byte[] magic = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
    System.arraycopy(magic, 0, bytes, 2, 4);
    bytes[6] = (byte) 0xe0;   // single segment, 8-byte content size
    for (int i = 0; i < 8; i++) {
      bytes[7 + i] = (byte) (size >>> (8 * i));
    }
    return bytes;
  }

  /** Kryo bytes naming a class id nothing registered, followed by random bytes. */
  private byte[] unregisteredId() {
    int id = 200 + random.nextInt(1_000_000);
    byte[] tail = new byte[random.nextInt(20)];
    random.nextBytes(tail);
    byte[] bytes = new byte[2 + 5 + tail.length];
    bytes[0] = ValueCodec.VERSION;
    int at = 2;
    int value = id + 2;   // Kryo writes ids shifted by two: 0 is null, 1 is "a class name follows"
    while ((value & ~0x7f) != 0) {
      bytes[at++] = (byte) ((value & 0x7f) | 0x80);
      value >>>= 7;
    }
    bytes[at++] = (byte) value;
    System.arraycopy(tail, 0, bytes, at, tail.length);
    return Arrays.copyOf(bytes, at + tail.length);
  }

  private byte[] canary() {
    byte[] bytes = canaries.get(random.nextInt(canaries.size()));
    return random.nextInt(4) == 0 ? flipped(bytes) : bytes;
  }

  /** The same bytes with occurrences of ASCII {@code from}, after the first {@code skip}, replaced by {@code to}. */
  private static byte[] forge(byte[] stored, String from, String to, int skip) {
    // Kryo ends an ASCII string with the high bit of its last byte set: match and keep that bit
    byte[] pattern = from.getBytes(StandardCharsets.US_ASCII);
    byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = stored.clone();
    int found = 0;
    for (int i = 0; i + pattern.length <= bytes.length; i++) {
      int j = 0;
      while (j < pattern.length && (bytes[i + j] & 0x7f) == pattern[j]) {
        j++;
      }
      if (j == pattern.length && found++ >= skip) {
        for (int k = 0; k < pattern.length; k++) {
          bytes[i + k] = (byte) (replacement[k] | (bytes[i + k] & 0x80));
        }
      }
    }
    if (found <= skip) {
      throw new IllegalStateException(from + " not found in the encoded seed");
    }
    return bytes;
  }

  /** Kryo bytes of {@code depth} ArrayLists, each holding the next, the innermost holding "x". */
  static byte[] nestedLists(int depth) {
    return nested("0100", "120182", "12000182", "0300018278", depth);
  }

  /** Kryo bytes of {@code depth} Object arrays, each holding the next, the innermost holding 1L. */
  static byte[] nestedArrays(int depth) {
    return nested("0100", "110102", "110102", "0902", depth);
  }

  private static byte[] nested(String header, String outer, String repeated, String inner, int depth) {
    StringBuilder hex = new StringBuilder(header).append(outer);
    hex.append(repeated.repeat(depth - 1)).append(inner);
    return HexFormat.of().parseHex(hex);
  }

  private static byte[] compressed(byte[] plain) {
    byte[] frame = Zstd.compress(Arrays.copyOfRange(plain, 2, plain.length));
    byte[] bytes = new byte[2 + frame.length];
    bytes[0] = ValueCodec.VERSION;
    bytes[1] = ValueCodec.FLAG_ZSTD;
    System.arraycopy(frame, 0, bytes, 2, frame.length);
    return bytes;
  }
}
