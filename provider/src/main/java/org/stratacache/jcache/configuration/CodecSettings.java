package org.stratacache.jcache.configuration;

import java.io.Serializable;
import java.util.Objects;

/**
 * How a serializing store turns values into stored bytes and back, beyond what classes it may
 * serialize ({@link SerializationSettings}) and how it encrypts ({@link EncryptionSettings}): from
 * which size values are compressed ({@code compression-threshold}), at which zstd level
 * ({@code compression-level}), and what a read does with bytes it cannot decode
 * ({@code corrupt-values}).
 *
 * <p>Immutable; every {@code with} method returns a new instance. Unset values read as their
 * {@link Setting} default.
 */
public final class CodecSettings implements Serializable {

  private static final long serialVersionUID = 1L;

  final Integer compressionThreshold;
  final Integer compressionLevel;
  final CorruptValuePolicy corruptValues;

  private CodecSettings(Integer compressionThreshold, Integer compressionLevel, CorruptValuePolicy corruptValues) {
    this.compressionThreshold = compressionThreshold;
    this.compressionLevel = compressionLevel;
    this.corruptValues = corruptValues;
  }

  /** Nothing set: the default threshold, level and policy. */
  public static CodecSettings defaults() {
    return new CodecSettings(null, null, null);
  }

  /** These settings compressing values from {@code bytes} serialized bytes ({@code null}: the default). */
  public CodecSettings withCompressionThreshold(Integer bytes) {
    return new CodecSettings(bytes, compressionLevel, corruptValues);
  }

  /** These settings compressing at zstd level {@code level} ({@code null}: the default). */
  public CodecSettings withCompressionLevel(Integer level) {
    return new CodecSettings(compressionThreshold, level, corruptValues);
  }

  /** These settings reading undecodable bytes as {@code policy} says ({@code null}: the default). */
  public CodecSettings withCorruptValuePolicy(CorruptValuePolicy policy) {
    return new CodecSettings(compressionThreshold, compressionLevel, policy);
  }

  /** Serialized size from which values are compressed. */
  public int getCompressionThreshold() {
    return compressionThreshold == null ? (Integer) Setting.COMPRESSION_THRESHOLD.typedDefault()
        : compressionThreshold;
  }

  /** The zstd level. */
  public int getCompressionLevel() {
    return compressionLevel == null ? (Integer) Setting.COMPRESSION_LEVEL.typedDefault() : compressionLevel;
  }

  /** What a read does with stored bytes it cannot decode. */
  public CorruptValuePolicy getCorruptValuePolicy() {
    return corruptValues == null ? (CorruptValuePolicy) Setting.CORRUPT_VALUES.typedDefault() : corruptValues;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CodecSettings that && Objects.equals(compressionThreshold, that.compressionThreshold)
        && Objects.equals(compressionLevel, that.compressionLevel) && corruptValues == that.corruptValues;
  }

  @Override
  public int hashCode() {
    return Objects.hash(compressionThreshold, compressionLevel, corruptValues);
  }

  @Override
  public String toString() {
    return "CodecSettings{compressionThreshold=" + compressionThreshold + ", compressionLevel=" + compressionLevel
        + ", corruptValues=" + corruptValues + "}";
  }
}
