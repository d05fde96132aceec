package org.stratacache.jcache.internal.concurrent;

/**
 * How many threads a cache manager's pools may use and how many tasks may wait: the manager-only
 * settings {@code threads.listeners}, {@code threads.loaders}, {@code threads.events} and
 * {@code threads.queue} of {@code org.stratacache.jcache.configuration.Setting}, read and checked
 * with every other setting (by {@code ManagerDefaults#threads()}).
 *
 * @param listeners threads delivering events to asynchronous listeners
 * @param loaders   threads running {@code loadAll}
 * @param events    threads decoding other JVMs' events and near-cache invalidations
 * @param queue     tasks each pool lets wait before it pushes back
 */
public record ThreadSettings(int listeners, int loaders, int events, int queue) {
}
