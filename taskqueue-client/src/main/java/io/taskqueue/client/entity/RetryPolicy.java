package io.taskqueue.client.entity;

/**
 * How long to wait before each retry: {@code initialMs × multiplier^(n−1)} after the n-th failed
 * attempt, at most {@code maxMs}, spread by ±{@code jitter}. A null part takes the server's
 * default.
 */
public record RetryPolicy(Long initialMs, Double multiplier, Long maxMs, Double jitter) {}
