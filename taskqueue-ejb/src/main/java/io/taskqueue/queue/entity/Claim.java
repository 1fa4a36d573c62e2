package io.taskqueue.queue.entity;

import io.taskqueue.job.entity.Priority;
import java.util.UUID;

/**
 * A job leased to one worker. {@code leaseId} fences the lease in Redis: acknowledging or
 * rescheduling the job only works while the lease still carries this id.
 */
public record Claim(UUID jobId, Priority priority, long leaseId, long leaseDeadlineMillis) {}
