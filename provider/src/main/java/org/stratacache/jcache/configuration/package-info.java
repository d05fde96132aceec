/**
 * Configuration as users type it: {@link org.stratacache.jcache.configuration.StrataConfiguration},
 * an immutable {@code CompleteConfiguration} whose JSR-107 fields are flat and whose Strata settings
 * live in immutable sections ({@code RedisSettings}, {@code CodecSettings}, {@code SerializationSettings},
 * {@code EncryptionSettings}, {@code ResilienceSettings}, {@code NearCacheSettings}, {@code EventSettings},
 * {@code MemorySettings}), and {@link org.stratacache.jcache.configuration.Setting}, where each setting
 * is declared once. How files, properties and the environment are read and resolved is internal.
 */
package org.stratacache.jcache.configuration;
