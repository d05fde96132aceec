/**
 * Internal (not an API): the JSR-107 statistics and configuration MXBeans and their counters.
 */
package org.stratacache.jcache.internal.management;
