package org.stratacache.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.stratacache.jcache.internal.codec.ValueCodec;

/** What the codec benchmarks share: encoding one value and decoding its stored bytes. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class CodecRoundTrip {

  ValueCodec codec;
  Object value;
  byte[] encoded;

  /** Sets the codec and the value, and encodes it once for {@link #decode()}. */
  void prepare(ValueCodec valueCodec, Object valueToStore) {
    codec = valueCodec;
    value = valueToStore;
    encoded = codec.encode(value);
  }

  @Benchmark
  public byte[] encode() {
    return codec.encode(value);
  }

  @Benchmark
  public Object decode() {
    return codec.decode(encoded);
  }
}
