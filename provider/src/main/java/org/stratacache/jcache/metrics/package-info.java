/**
 * Micrometer binding (optional: needs {@code micrometer-core} on the class path): every cache's
 * JSR-107 statistics and store metrics as meters, tagged with the cache and its manager.
 */
package org.stratacache.jcache.metrics;
