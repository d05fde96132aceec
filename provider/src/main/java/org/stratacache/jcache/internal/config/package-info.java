/**
 * How configurations are read and resolved: the configuration file reader, the manager defaults
 * (properties, file, system properties, environment) and their precedence, every cross-field rule,
 * and validation. Everything here comes from the declarations of
 * {@link org.stratacache.jcache.configuration.Setting}; users type only the public
 * {@code configuration} package.
 */
package org.stratacache.jcache.internal.config;
