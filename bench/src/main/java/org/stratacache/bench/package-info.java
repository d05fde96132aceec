/** JMH benchmarks: Strata Cache beside its peers and beside raw Lettuce, measured in the same run. */
package org.stratacache.bench;
