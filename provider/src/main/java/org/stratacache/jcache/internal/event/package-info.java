/**
 * Internal (not an API).
 * Cache entry events: listener registrations with their filters, and the dispatcher that delivers
 * created, updated, removed and expired events synchronously or asynchronously, in order per key.
 */
package org.stratacache.jcache.internal.event;
