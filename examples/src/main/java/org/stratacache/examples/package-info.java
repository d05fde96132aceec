/** Runnable examples of Strata Cache through the standard {@code javax.cache} API. */
package org.stratacache.examples;
