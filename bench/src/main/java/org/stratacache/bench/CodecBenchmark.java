package org.stratacache.bench;

import java.util.Arrays;
import java.util.Map;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.stratacache.jcache.configuration.EncryptionSettings;
import org.stratacache.jcache.configuration.SerializationSettings;
import org.stratacache.jcache.internal.codec.EncryptingCodec;
import org.stratacache.jcache.internal.codec.KryoSerializer;
import org.stratacache.jcache.internal.codec.ValueCodec;

/**
 * The codec chain alone (Kryo, then zstd from the threshold, then AES-256-GCM when {@code encrypted}):
 * what a Redis round trip adds on the CPU.
 */
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
public class CodecBenchmark extends CodecRoundTrip {

  @Param({"100", "10240"})
  public int valueSize;

  @Param({"1", "3", "6"})
  public int level;

  @Param({"false", "true"})
  public boolean encrypted;

  @Setup
  public void setUp() {
    byte[] key = new byte[EncryptionSettings.KEY_BYTES];
    Arrays.fill(key, (byte) 0x5a);   // the key's value does not change the cost
    EncryptingCodec encryption = encrypted ? new EncryptingCodec(EncryptionSettings.keys(Map.of(1, key))) : null;
    prepare(new ValueCodec(new KryoSerializer(getClass().getClassLoader(), SerializationSettings.none()), 1000, level,
        encryption), Payloads.json(valueSize, 1));
  }
}
