/**
 * Internal (not an API).
 * What the store implementations share: {@link org.stratacache.jcache.internal.store.ForwardingStore},
 * the base of the stores that wrap another one (resilience, near cache). The stores themselves live
 * in the subpackages.
 */
package org.stratacache.jcache.internal.store;
