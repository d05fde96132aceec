/**
 * Time and expiry: the injected {@link org.stratacache.jcache.expiry.Ticker} clock and the adapter
 * that turns a JSR-107 {@code ExpiryPolicy} into the lifetimes a store applies.
 */
package org.stratacache.jcache.expiry;
