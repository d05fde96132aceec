/**
 * Internal (not an API).
 * Integration: read-through through a {@code CacheLoader}, write-through through a
 * {@code CacheWriter}, with JSR-107's exception wrapping and partial-success rules.
 */
package org.stratacache.jcache.internal.integration;
