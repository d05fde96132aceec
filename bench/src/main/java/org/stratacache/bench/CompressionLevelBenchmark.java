package org.stratacache.bench;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.stratacache.jcache.configuration.SerializationSettings;
import org.stratacache.jcache.internal.codec.KryoSerializer;
import org.stratacache.jcache.internal.codec.ValueCodec;

/**
 * The cost of each zstd level through the provider's own codec (Kryo, then zstd with its pooled
 * contexts, at the default threshold): encode and decode time per value, and the stored bytes,
 * printed once per payload and level (lines starting {@code stored:}). Payloads: JSON orders with
 * random identifiers and numbers ({@link Payloads#randomJson}) of 1, 10 and 100 KB, and 10 KB of
 * random bytes, which zstd cannot shrink (the codec then stores them plain). Negative levels are
 * zstd's fast levels.
 */
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class CompressionLevelBenchmark extends CodecRoundTrip {

  private static final int THRESHOLD = 1000;
  private static final long SEED = 42;

  @Param({"json-1k", "json-10k", "json-100k", "random-10k"})
  public String payload;

  @Param({"-5", "-1", "1", "3", "6"})
  public int level;

  @Setup
  public void setUp() {
    prepare(new ValueCodec(new KryoSerializer(getClass().getClassLoader(), SerializationSettings.none()), THRESHOLD,
        level), value(payload));
    System.out.printf("%nstored: payload=%s level=%d serialized=%d stored=%d compressed=%s%n", payload, level,
        codec.serializedBytes(), encoded.length, ValueCodec.isCompressed(encoded));
  }

  static Object value(String name) {
    return switch (name) {
      case "json-1k" -> Payloads.randomJson(1024, SEED);
      case "json-10k" -> Payloads.randomJson(10 * 1024, SEED);
      case "json-100k" -> Payloads.randomJson(100 * 1024, SEED);
      case "random-10k" -> Payloads.randomBytes(10 * 1024, SEED);
      default -> throw new IllegalArgumentException("unknown payload " + name);
    };
  }
}
