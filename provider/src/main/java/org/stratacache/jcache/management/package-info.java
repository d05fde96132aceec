/**
 * Management names: {@link org.stratacache.jcache.management.MBeans} registers beans under the standard JSR-107
 * JMX names, quoting cache and manager names the same way for the provider and its extensions.
 */
package org.stratacache.jcache.management;
