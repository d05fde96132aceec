/**
 * Internal (not an API): the adapter that turns a JSR-107 {@code ExpiryPolicy} into the lifetimes a store applies.
 */
package org.stratacache.jcache.internal.expiry;
