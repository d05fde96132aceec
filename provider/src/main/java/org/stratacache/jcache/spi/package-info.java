/**
 * The JSR-107 entry point: the {@code CachingProvider} found through {@code META-INF/services}.
 */
package org.stratacache.jcache.spi;
