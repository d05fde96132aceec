package org.stratacache.jcache.fuzz;

/** An application class the fuzzed cache allows; its name is as long as {@link Canary}'s, so one can stand in for the other. */
public record Parcel(String label, Object content) {
}
