/**
 * Internal (not an API).
 * Entry processors: the {@code MutableEntry} a processor works on, the translation of what it did
 * into one atomic store decision, and {@code invokeAll} results.
 */
package org.stratacache.jcache.internal.processor;
