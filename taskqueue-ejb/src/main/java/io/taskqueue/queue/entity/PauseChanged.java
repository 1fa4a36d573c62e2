package io.taskqueue.queue.entity;

import io.taskqueue.job.entity.Priority;

/** Fired when a queue's pause changed in PostgreSQL; applied to Redis once that commits. */
public record PauseChanged(Priority priority, boolean paused) {}
