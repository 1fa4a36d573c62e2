package io.taskqueue.job.entity;

/** How many jobs a bulk action moved ({@code retried}) or removed ({@code deleted}). */
public record BulkResult(Integer retried, Integer deleted) {}
