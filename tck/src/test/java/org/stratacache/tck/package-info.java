/** Harness for running the official JCache TCK against the Redis store. */
package org.stratacache.tck;
