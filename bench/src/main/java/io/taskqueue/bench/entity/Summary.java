package io.taskqueue.bench.entity;

/** A metric over the successful runs of one workload. */
public record Summary(
    String workload,
    String metric,
    double median,
    double min,
    double max,
    int runs,
    int decimals,
    boolean detail) {}
