/**
 * Internal (not an API).
 * The threads a cache manager owns: bounded pools for asynchronous listeners, {@code loadAll},
 * incoming remote messages and background reconnection, and an ordered executor that keeps tasks
 * of one key in order on a shared pool while bounding what may wait.
 */
package org.stratacache.jcache.internal.concurrent;
