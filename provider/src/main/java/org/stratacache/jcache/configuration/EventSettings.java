package org.stratacache.jcache.configuration;

import java.io.Serializable;

/**
 * How a cache's events travel beyond its JVM ({@code remote-events}).
 *
 * @param remote whether events are shared with other JVMs, as configured, or {@code null} when unset
 */
public record EventSettings(Boolean remote) implements Serializable {

  /** Nothing set: events stay in this JVM. */
  public static EventSettings defaults() {
    return new EventSettings(null);
  }

  /** Whether listeners also hear other JVMs' writes and Redis's expirations, and this cache tells its own. */
  public boolean isRemote() {
    return remote == null ? (Boolean) Setting.REMOTE_EVENTS.typedDefault() : remote;
  }
}
