package org.stratacache.jcache.configuration;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Encryption of the values a Redis cache stores: AES-256-GCM under a key ring. Values are written
 * with the current key; values written with any key of the ring still read, so keys rotate without
 * a flush: add the new key everywhere, then make it current, then drop the old key once its
 * values have expired or been rewritten.
 *
 * <pre>{@code
 * .encryption(EncryptionSettings.keys(Map.of(1, oldKey, 2, newKey)).current(2).require(true))
 * }</pre>
 *
 * <p>Checked when a cache is created: keys are 32 bytes, ids 0 to 65535, the current key is in the
 * ring (it may be left out when the ring holds one key). Key bytes never appear in messages or in
 * {@link #toString()}. Immutable; every method returns a new instance and copies the keys.
 */
public final class EncryptionSettings implements Serializable {

  /** Key length of AES-256. */
  public static final int KEY_BYTES = 32;
  /** The largest key id (ids are stored in two bytes). */
  public static final int MAX_KEY_ID = 0xffff;

  private static final long serialVersionUID = 1L;

  private final TreeMap<Integer, byte[]> keys;
  private final Integer currentKey;
  private final Boolean required;

  private EncryptionSettings(Map<Integer, byte[]> keys, Integer currentKey, Boolean required) {
    this.keys = new TreeMap<>();
    keys.forEach((id, key) -> this.keys.put(id, key == null ? null : key.clone()));
    this.currentKey = currentKey;
    this.required = required;
  }

  /** No keys yet (for settings that arrive one by one). */
  public static EncryptionSettings none() {
    return new EncryptionSettings(Map.of(), null, null);
  }

  /**
   * A key ring: key id (0 to 65535) to 32-byte key. With one key, it is the current key.
   *
   * @throws NullPointerException when {@code keys} is {@code null}
   */
  public static EncryptionSettings keys(Map<Integer, byte[]> keys) {
    return none().withKeys(keys);
  }

  /** These settings with {@code keys} added to the ring (replacing keys of the same ids). */
  public EncryptionSettings withKeys(Map<Integer, byte[]> keys) {
    Map<Integer, byte[]> next = new TreeMap<>(this.keys);
    Objects.requireNonNull(keys, "keys").forEach((id, key) ->
        next.put(Objects.requireNonNull(id, "encryption.keys holds a null key id"), key));
    return new EncryptionSettings(next, currentKey, required);
  }

  /** These settings writing new values with the key of id {@code id}. */
  public EncryptionSettings current(int id) {
    return new EncryptionSettings(keys, id, required);
  }

  /** Whether values stored without encryption are refused when read (default {@code false}). */
  public EncryptionSettings require(boolean refusePlaintext) {
    return new EncryptionSettings(keys, currentKey, refusePlaintext);
  }

  /** Copies of the keys, by id. */
  public Map<Integer, byte[]> keys() {
    Map<Integer, byte[]> copy = new TreeMap<>();
    keys.forEach((id, key) -> copy.put(id, key == null ? null : key.clone()));
    return Collections.unmodifiableMap(copy);
  }

  /** The id new values are written with: as set, or the only key's; {@code -1} when neither. */
  public int currentKey() {
    if (currentKey != null) {
      return currentKey;
    }
    return keys.size() == 1 ? keys.firstKey() : -1;
  }

  /** Whether values stored without encryption are refused. */
  public boolean isRequired() {
    return Boolean.TRUE.equals(required);
  }

  /** The current key as set, or {@code null}. */
  Integer configuredCurrentKey() {
    return currentKey;
  }

  /** Whether refusing plaintext was set either way. */
  Boolean configuredRequired() {
    return required;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof EncryptionSettings that) || !Objects.equals(currentKey, that.currentKey)
        || !Objects.equals(required, that.required) || !keys.keySet().equals(that.keys.keySet())) {
      return false;
    }
    return keys.entrySet().stream().allMatch(entry -> Arrays.equals(entry.getValue(), that.keys.get(entry.getKey())));
  }

  @Override
  public int hashCode() {
    return Objects.hash(keys.keySet(), currentKey, required);
  }

  /** Key ids only, never key bytes. */
  @Override
  public String toString() {
    return "EncryptionSettings{keyIds=" + keys.keySet() + ", currentKey=" + currentKey() + ", required="
        + isRequired() + "}";
  }
}
