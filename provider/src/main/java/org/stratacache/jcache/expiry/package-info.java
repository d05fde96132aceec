/**
 * Time: the injected {@link org.stratacache.jcache.expiry.Ticker} clock, so tests can run expiry on a fake clock.
 */
package org.stratacache.jcache.expiry;
