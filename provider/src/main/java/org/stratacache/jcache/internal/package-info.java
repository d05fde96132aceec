/**
 * Internal helpers shared by the provider's packages (not an API): how keys and values are shown in
 * messages. Depends on nothing else in the provider.
 */
package org.stratacache.jcache.internal;
