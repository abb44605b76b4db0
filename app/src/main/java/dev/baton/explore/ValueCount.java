package dev.baton.explore;

/** A value (as text) and how many rows hold it. */
public record ValueCount(String value, long count) {
}
