package dev.baton.train;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A metric with its 95% interval and standard error, from a seeded bootstrap (or exact where one exists). */
@JsonPropertyOrder({"value", "low", "high", "se", "rows", "method"})
public record MetricEstimate(double value, double low, double high, double se, long rows, String method) {
}
