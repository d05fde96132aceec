package org.stratacache.jcache.configuration;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a key ring from its text form, {@code 1:<base64>,2:<base64>} (environment variables,
 * properties), or from a map of id to Base64 text (YAML). Messages say which entry is wrong, never
 * what it holds: the text is key material.
 */
final class EncryptionKeys {

  private EncryptionKeys() {
  }

  /** Key id to key bytes; lengths are checked when a cache is created. */
  static Map<Integer, byte[]> parse(Object raw) {
    Map<Integer, byte[]> keys = new TreeMap<>();
    if (raw instanceof Map<?, ?> map) {
      int position = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        position++;
        add(keys, position, String.valueOf(entry.getKey()), String.valueOf(entry.getValue()));
      }
    } else {
      List<String> entries = List.of(String.valueOf(raw).split(","));
      for (int i = 0; i < entries.size(); i++) {
        String entry = entries.get(i).trim();
        int colon = entry.indexOf(':');
        if (colon < 0) {
          throw new IllegalArgumentException("entry " + (i + 1) + " is not <id>:<base64 key>");
        }
        add(keys, i + 1, entry.substring(0, colon), entry.substring(colon + 1));
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("no keys");
    }
    return keys;
  }

  private static void add(Map<Integer, byte[]> keys, int position, String idText, String base64) {
    int id;
    try {
      id = Integer.parseInt(idText.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("entry " + position + " has a key id that is not a whole number");
    }
    if (id < 0 || id > EncryptionSettings.MAX_KEY_ID) {
      throw new IllegalArgumentException("entry " + position + " has key id " + id + ", outside 0 to "
          + EncryptionSettings.MAX_KEY_ID);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the key of id " + id + " is not Base64");
    }
    if (keys.put(id, key) != null) {
      throw new IllegalArgumentException("key id " + id + " appears twice");
    }
  }
}
