package org.stratacache.jcache.internal.codec;

import com.esotericsoftware.kryo.util.Pool;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reused zstd contexts. Creating a context allocates and initializes its tables (about a megabyte
 * at level 6), which costs more than compressing a 10 KB value, so contexts are pooled JVM-wide:
 * one pool per compression level, a bounded number of contexts each, never closed.
 */
final class ZstdContexts {

  private static final int PER_POOL = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  private static final Map<Integer, Pool<ZstdCompressCtx>> COMPRESSORS = new ConcurrentHashMap<>();
  private static final Pool<ZstdDecompressCtx> DECOMPRESSORS = new Pool<>(true, false, PER_POOL) {
    @Override
    protected ZstdDecompressCtx create() {
      return new ZstdDecompressCtx();
    }
  };

  private ZstdContexts() {
  }

  /** Compresses {@code src[srcOffset..+srcLength)} into {@code dst[dstOffset..]}; returns the compressed size. */
  static int compress(int level, byte[] dst, int dstOffset, byte[] src, int srcOffset, int srcLength) {
    Pool<ZstdCompressCtx> pool = COMPRESSORS.computeIfAbsent(level, ZstdContexts::compressors);
    ZstdCompressCtx context = pool.obtain();
    try {
      return context.compressByteArray(dst, dstOffset, dst.length - dstOffset, src, srcOffset, srcLength);
    } finally {
      pool.free(context);
    }
  }

  /** Decompresses a frame into {@code dst}; returns the decompressed size. */
  static int decompress(byte[] dst, byte[] src, int srcOffset, int srcLength) {
    ZstdDecompressCtx context = DECOMPRESSORS.obtain();
    try {
      return context.decompressByteArray(dst, 0, dst.length, src, srcOffset, srcLength);
    } finally {
      DECOMPRESSORS.free(context);
    }
  }

  private static Pool<ZstdCompressCtx> compressors(int level) {
    return new Pool<>(true, false, PER_POOL) {
      @Override
      protected ZstdCompressCtx create() {
        return new ZstdCompressCtx().setLevel(level).setContentSize(true);
      }
    };
  }
}
