/**
 * Internal (not an API).
 * The near cache: a bounded in-memory copy of hot entries in front of a remote store, kept fresh
 * by invalidations the remote store pushes when any client changes a key.
 */
package org.stratacache.jcache.internal.store.near;
