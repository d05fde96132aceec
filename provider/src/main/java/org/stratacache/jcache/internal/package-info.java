/**
 * Internal helpers shared by the provider's packages (not an API): how keys, values and Redis URIs
 * (password masked) are shown in messages. Depends on nothing else in the provider.
 */
package org.stratacache.jcache.internal;
