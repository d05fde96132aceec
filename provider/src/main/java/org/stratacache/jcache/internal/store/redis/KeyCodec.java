package org.stratacache.jcache.internal.store.redis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.internal.Messages;
import org.stratacache.jcache.internal.codec.KryoSerializer;
import org.stratacache.jcache.store.Glob;

/**
 * Redis keys of one cache: {@code <prefix>:<cache name>:<key>}, the same bytes for the same key in
 * every JVM. The cache name is percent-encoded outside {@code [A-Za-z0-9._-]}, so no cache's
 * namespace is a prefix of another's and no name adds a cluster hash tag or a glob character.
 * A cache whose keys must share one Redis Cluster hash slot (a bounded cache: its size index and
 * its entries change together in one script) has the namespace {@code {<prefix>:<cache name>}:}.
 *
 * <p>In a cache whose key type is {@code String} the key is its UTF-8 bytes, readable in
 * {@code redis-cli} and matchable by patterns. Otherwise the key carries a type tag: {@code s:} a
 * string, {@code l:} a long, {@code i:} an integer, {@code u:} a UUID, {@code k:} Kryo bytes of any
 * other allowed class.
 *
 * @param <K> the key type
 */
final class KeyCodec<K> {

  private static final byte[] KRYO_TAG = {'k', ':'};
  /** Never the first byte of an entry key (not valid UTF-8, not a type tag): marks a tag set. */
  private static final byte TAG_MARK = (byte) 0xFF;

  private final byte[] namespace;
  private final String namespaceGlob;
  private final boolean plainStrings;
  private final KryoSerializer serializer;

  KeyCodec(String prefix, String cacheName, Class<K> keyType, KryoSerializer serializer) {
    this(prefix, cacheName, keyType, serializer, false);
  }

  /** Keys of a cache, all in one hash slot when {@code oneSlot}. */
  KeyCodec(String prefix, String cacheName, Class<K> keyType, KryoSerializer serializer, boolean oneSlot) {
    String name = prefix + ":" + escape(cacheName);
    String ns = (oneSlot ? "{" + name + "}" : name) + ":";
    this.namespace = ns.getBytes(StandardCharsets.UTF_8);
    this.namespaceGlob = ns;
    this.plainStrings = keyType == String.class;
    this.serializer = serializer;
  }

  /** The namespace of the cache's keys, e.g. {@code strata:orders:}. */
  String namespace() {
    return namespaceGlob;
  }

  /** A SCAN pattern for every key of the cache. */
  byte[] matchAll() {
    return (namespaceGlob + "*").getBytes(StandardCharsets.UTF_8);
  }

  /** A SCAN pattern for keys whose string form matches {@code glob}, inside the namespace only. */
  byte[] match(String glob) {
    Glob.matcher(glob);  // refuses an invalid pattern here, with the same words as every store
    return (namespaceGlob + (plainStrings ? glob : "?:" + glob)).getBytes(StandardCharsets.UTF_8);
  }

  /** The Redis key of the set listing the entries tagged {@code tag}, inside the namespace. */
  byte[] tagKey(String tag) {
    return markedKey("tag:" + tag);
  }

  /** The Redis key of the cache's size index (its entry keys by last write), inside the namespace. */
  byte[] indexKey() {
    return markedKey("size");
  }

  private byte[] markedKey(String suffix) {
    byte[] name = suffix.getBytes(StandardCharsets.UTF_8);
    byte[] full = Arrays.copyOf(namespace, namespace.length + 1 + name.length);
    full[namespace.length] = TAG_MARK;
    System.arraycopy(name, 0, full, namespace.length + 1, name.length);
    return full;
  }

  /** Whether a Redis key lies in this cache's namespace. */
  boolean inNamespace(byte[] redisKey) {
    return redisKey.length > namespace.length
        && Arrays.equals(redisKey, 0, namespace.length, namespace, 0, namespace.length);
  }

  /** Whether a key found in the namespace is an entry's (and not a tag set's). */
  boolean isEntryKey(byte[] redisKey) {
    return redisKey.length <= namespace.length || redisKey[namespace.length] != TAG_MARK;
  }

  byte[] encode(K key) {
    byte[] body = plainStrings ? ((String) key).getBytes(StandardCharsets.UTF_8) : tagged(key);
    byte[] full = Arrays.copyOf(namespace, namespace.length + body.length);
    System.arraycopy(body, 0, full, namespace.length, body.length);
    return full;
  }

  @SuppressWarnings("unchecked")
  K decode(byte[] redisKey) {
    if (redisKey.length < namespace.length
        || !Arrays.equals(redisKey, 0, namespace.length, namespace, 0, namespace.length)) {
      throw new CodecException("Redis key is outside the namespace " + namespaceGlob);
    }
    if (plainStrings) {
      return (K) new String(redisKey, namespace.length, redisKey.length - namespace.length, StandardCharsets.UTF_8);
    }
    int start = namespace.length + 2;
    if (redisKey.length < start || redisKey[start - 1] != ':') {
      throw new CodecException("Redis key " + printable(redisKey) + " has no type tag");
    }
    byte tag = redisKey[namespace.length];
    if (tag == 'k') {
      return (K) serializer.deserialize(redisKey, start, redisKey.length - start);
    }
    String text = new String(redisKey, start, redisKey.length - start, StandardCharsets.UTF_8);
    try {
      switch (tag) {
        case 's':
          return (K) text;
        case 'l':
          return (K) Long.valueOf(text);
        case 'i':
          return (K) Integer.valueOf(text);
        case 'u':
          return (K) UUID.fromString(text);
        default:
          throw new CodecException("Redis key " + printable(redisKey) + " has an unknown type tag");
      }
    } catch (IllegalArgumentException e) {
      throw new CodecException("Redis key " + printable(redisKey) + " does not hold its tagged type", e);
    }
  }

  /** A Redis key as it can be shown in a message (cut to a readable length). */
  String printable(byte[] redisKey) {
    return Messages.printable(redisKey);
  }

  /** A cache key as it can be shown in a message (cut to a readable length). */
  String shown(Object key) {
    return Messages.shorten(key);
  }

  private byte[] tagged(K key) {
    if (key instanceof String text) {
      return ("s:" + text).getBytes(StandardCharsets.UTF_8);
    }
    if (key instanceof Long number) {
      return ("l:" + number).getBytes(StandardCharsets.US_ASCII);
    }
    if (key instanceof Integer number) {
      return ("i:" + number).getBytes(StandardCharsets.US_ASCII);
    }
    if (key instanceof UUID uuid) {
      return ("u:" + uuid).getBytes(StandardCharsets.US_ASCII);
    }
    return serializer.serialize(key, KRYO_TAG);
  }

  static String escape(String cacheName) {
    StringBuilder escaped = new StringBuilder(cacheName.length());
    for (byte b : cacheName.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
          || c == '-') {
        escaped.append(c);
      } else {
        escaped.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return escaped.toString();
  }
}
