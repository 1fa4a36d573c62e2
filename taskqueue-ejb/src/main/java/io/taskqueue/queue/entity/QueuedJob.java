package io.taskqueue.queue.entity;

import io.taskqueue.job.entity.Priority;
import java.util.UUID;

/** A job id on its way into a priority list. */
public record QueuedJob(UUID jobId, Priority priority) {}
