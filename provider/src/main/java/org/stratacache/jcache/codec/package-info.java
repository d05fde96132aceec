/**
 * Turning values into copies and bytes: the store-by-value {@link org.stratacache.jcache.codec.Copier}
 * and the codec chain for remote stores.
 */
package org.stratacache.jcache.codec;
