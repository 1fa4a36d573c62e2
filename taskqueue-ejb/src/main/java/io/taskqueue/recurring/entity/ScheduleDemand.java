package io.taskqueue.recurring.entity;

/**
 * What one schedule asks of its owner's submit rate: the jobs per second it fires at its busiest
 * (sustained), and the jobs it may submit at once when it catches up on missed fire times.
 */
public record ScheduleDemand(String name, double firesPerSecond, int catchUpJobs) {}
