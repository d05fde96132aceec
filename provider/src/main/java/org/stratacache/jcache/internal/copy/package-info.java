/**
 * Internal (not an API): the copies store-by-value makes of the objects an application hands over and
 * receives (Kryo deep copies, immutable types shared, Java serialization for classes with identity
 * hooks), bounded as a read of stored bytes is.
 */
package org.stratacache.jcache.internal.copy;
