package io.taskqueue.job.entity;

/** A validated job submission. {@code payload} is JSON text. */
public record NewJob(String type, String payload, Priority priority, int maxAttempts) {}
