/**
 * Configuration: {@link org.stratacache.jcache.configuration.StrataConfiguration}, an immutable
 * {@code CompleteConfiguration} with Strata's own settings, its builder and its validation.
 */
package org.stratacache.jcache.configuration;
