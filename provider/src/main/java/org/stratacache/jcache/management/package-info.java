/**
 * Management: the JSR-107 statistics and configuration MXBeans, their counters, and their
 * registration under the standard JMX names in the platform MBean server.
 */
package org.stratacache.jcache.management;
