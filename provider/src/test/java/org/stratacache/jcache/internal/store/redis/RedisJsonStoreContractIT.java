package org.stratacache.jcache.internal.store.redis;

import org.stratacache.jcache.configuration.SerializationFormat;
import org.stratacache.jcache.configuration.SerializationSettings;

/**
 * The Store contract with values stored as JSON ({@code serialization.format: json}), on the same server and raw
 * connection as {@link RedisStoreContractIT}. The kit's values are strings, which JSON maps to JSON strings and back.
 */
class RedisJsonStoreContractIT extends RedisStoreContractIT {

  @Override
  protected SerializationSettings serialization() {
    return SerializationSettings.none().format(SerializationFormat.JSON);
  }
}
