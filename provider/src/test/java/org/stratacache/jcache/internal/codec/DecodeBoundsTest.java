package org.stratacache.jcache.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import com.sun.management.ThreadMXBean;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.configuration.DecodeLimits;
import org.stratacache.jcache.configuration.DecodeLimits.Limit;
import org.stratacache.jcache.internal.copy.KryoCopier;

/**
 * Every read of stored bytes is bounded, in time and memory, before it allocates: planted size
 * claims, zstd bombs and the hash-code bomb are refused within fixed bounds (generous, measured),
 * and a value over a bound names the bound's setting.
 */
class DecodeBoundsTest {

  private static final long MB = 1L << 20;

  private final ValueCodec codec = GoldenValues.codec();

  @Test
  void eachPlantedSizeClaimIsRefusedQuicklyAndLeavesTheHeapAsItWas() throws Exception {
    long baseline = heapAfterGc();
    for (Map.Entry<String, byte[]> claim : PlantedValues.sizeClaims().entrySet()) {
      byte[] planted = claim.getValue();
      assertThat(planted.length).as(claim.getKey()).isLessThanOrEqualTo(12);
      long start = System.nanoTime();
      long allocated = allocatedByThisThread();
      assertThatThrownBy(() -> codec.decode(planted)).as(claim.getKey()).isInstanceOf(CodecException.class)
          .hasMessageContaining("claims");
      assertThat(allocatedByThisThread() - allocated).as("bytes allocated reading %s", claim.getKey())
          .isLessThan(MB);
      assertThat(millisSince(start)).as("ms to refuse %s", claim.getKey()).isLessThan(500);
    }
    assertThat(heapAfterGc() - baseline).as("heap growth, bytes").isLessThan(150 * MB);
  }

  @Test
  void twentyParallelReadsOfEachClaimEndWithinTwoSeconds() throws Exception {
    long baseline = heapAfterGc();
    ExecutorService threads = Executors.newFixedThreadPool(20);
    try {
      for (Map.Entry<String, byte[]> claim : PlantedValues.sizeClaims().entrySet()) {
        long start = System.nanoTime();
        List<Future<Throwable>> reads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          reads.add(threads.submit(() -> refusal(claim.getValue())));
        }
        for (Future<Throwable> read : reads) {
          assertThat(read.get(5, TimeUnit.SECONDS)).as(claim.getKey()).isInstanceOf(CodecException.class);
        }
        assertThat(millisSince(start)).as("ms for 20 parallel reads of %s", claim.getKey()).isLessThan(2_000);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(heapAfterGc() - baseline).as("heap growth, bytes").isLessThan(150 * MB);
    assertThat(codec.decode(codec.encode("still reads"))).isEqualTo("still reads");
  }

  @Test
  void aZstdBombOfZerosIsRefusedAllocatingAtMost64Megabytes() {
    for (boolean declared : new boolean[] {true, false}) {
      byte[] bomb = PlantedValues.zeros(400 * 1_000_000L, declared);
      long allocated = allocatedByThisThread();
      long start = System.nanoTime();
      assertThatThrownBy(() -> codec.decode(bomb)).isInstanceOf(CodecException.class);
      long used = allocatedByThisThread() - allocated;
      System.out.printf("zstd frame of %,d bytes (%s size): refused in %d ms, allocating %,d bytes%n",
          bomb.length, declared ? "declared" : "undeclared", millisSince(start), used);
      assertThat(used).as("bytes allocated reading the %,d-byte frame", bomb.length).isLessThanOrEqualTo(64 * MB);
    }
    assertThatThrownBy(() -> codec.decode(PlantedValues.zeros(400 * 1_000_000L, true)))
        .hasMessageContaining("limits.decoded-size");
  }

  @Test
  void aFrameWithoutDeclaredSizeStillReadsWithinTheBound() throws Exception {
    String value = "streamed, not declared ".repeat(100_000);
    ValueCodec uncompressed = new ValueCodec(new KryoSerializer(getClass().getClassLoader(), GoldenValues.SETTINGS),
        Integer.MAX_VALUE, 6);
    byte[] plain = uncompressed.encode(value);
    ByteArrayOutputStream stored = new ByteArrayOutputStream();
    stored.write(ValueCodec.VERSION);
    stored.write(ValueCodec.FLAG_ZSTD);
    try (ZstdOutputStream zstd = new ZstdOutputStream(stored)) {
      zstd.write(plain, 2, plain.length - 2);
    }
    assertThat(codec.decode(stored.toByteArray())).isEqualTo(value);
  }

  @Test
  void theHashCodeBombIsRefusedWithinTwoSeconds() {
    Set<Object> bomb = PlantedValues.hashBomb(26);
    byte[] stored = codec.encode(bomb);
    System.out.println("depth-26 hash-code bomb: " + stored.length + " bytes");
    long start = System.nanoTime();
    assertThatThrownBy(() -> codec.decode(stored)).isInstanceOf(CodecException.class)
        .hasMessageContaining("limits.hash-work");
    long millis = millisSince(start);
    System.out.println("depth-26 hash-code bomb: read refused after " + millis + " ms");
    assertThat(millis).as("ms to refuse the bomb").isLessThan(2_000);
    long copyStart = System.nanoTime();
    assertThatThrownBy(() -> new KryoCopier(getClass().getClassLoader()).copy(bomb))
        .isInstanceOf(CodecException.class).hasMessageContaining("limits.hash-work");
    assertThat(millisSince(copyStart)).as("ms to refuse copying the bomb").isLessThan(2_000);
  }

  @Test
  void ordinaryNestedHashCollectionsStillRead() {
    Set<Set<Set<String>>> nested = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      Set<Set<String>> middle = new HashSet<>();
      for (int j = 0; j < 100; j++) {
        middle.add(Set.copyOf(List.of("a" + i + "/" + j, "b" + j)));
      }
      nested.add(middle);
    }
    assertThat(codec.decode(codec.encode(nested))).isEqualTo(nested);
    assertThat(new KryoCopier(getClass().getClassLoader()).copy(nested)).isEqualTo(nested);
  }

  @Test
  void aValueOverABoundIsRefusedNamingTheBoundsSetting() {
    DecodeLimits small = DecodeLimits.defaults().with(Limit.LENGTH, 100).with(Limit.VALUE_SIZE, 1_000)
        .with(Limit.DEPTH, 10);
    ValueCodec bounded = new ValueCodec(new KryoSerializer(getClass().getClassLoader(),
        GoldenValues.SETTINGS.limits(small)), 100_000, 6);
    List<Integer> longList = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      longList.add(i);
    }
    byte[] fromAnotherJvm = codec.encode(longList);
    assertThatThrownBy(() -> bounded.decode(fromAnotherJvm)).isInstanceOf(CodecException.class)
        .hasMessageContaining("limits.length").hasMessageContaining("strata.limits.length");
    assertThatThrownBy(() -> bounded.decode(codec.encode("y".repeat(101)))).hasMessageContaining("limits.length");
    byte[] random = new byte[2_000];
    new Random(1).nextBytes(random);
    assertThatThrownBy(() -> bounded.encode(random)).isInstanceOf(CodecException.class)
        .hasMessageContaining("limits.value-size");
    assertThatThrownBy(() -> bounded.decode(codec.encode(random))).hasMessageContaining("limits.value-size");
    assertThatThrownBy(() -> bounded.decode(codec.encode(PlantedValues.deepList(10))))
        .hasMessageContaining("limits.depth");
    assertThat(bounded.decode(bounded.encode(PlantedValues.deepList(8)))).isEqualTo(PlantedValues.deepList(8));
  }

  @Test
  void aValueThatCouldNeverBeReadBackIsRefusedAtPut() {
    Runnable lambda = () -> { };
    assertThatThrownBy(() -> codec.encode(lambda)).isInstanceOf(CodecException.class)
        .hasMessageContaining("lambda");
    Object anonymous = new Object() { };
    assertThatThrownBy(() -> codec.encode(new Object[] {anonymous})).isInstanceOf(CodecException.class)
        .hasMessageContaining("anonymous");
    KryoCopier copier = new KryoCopier(getClass().getClassLoader());
    assertThatThrownBy(() -> copier.copy(new ArrayList<>(List.of(lambda)))).isInstanceOf(CodecException.class)
        .hasMessageContaining("lambda");
    assertThat(copier.copy(Thread.State.NEW)).isSameAs(Thread.State.NEW);
  }

  @Test
  void aListNestedAHundredThousandDeepIsACodecExceptionOnCopy() {
    List<Object> deep = PlantedValues.deepList(100_000);
    assertThatThrownBy(() -> new KryoCopier(getClass().getClassLoader()).copy(deep))
        .isInstanceOf(CodecException.class).hasMessageContaining("limits.depth");
    assertThatThrownBy(() -> codec.encode(deep)).isInstanceOf(CodecException.class)
        .hasMessageContaining("limits.depth");
  }

  private Throwable refusal(byte[] planted) {
    try {
      codec.decode(planted);
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static long allocatedByThisThread() {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
