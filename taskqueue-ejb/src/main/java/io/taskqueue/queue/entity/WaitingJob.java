package io.taskqueue.queue.entity;

import io.taskqueue.job.entity.Priority;
import java.util.UUID;

/**
 * A job PostgreSQL says is waiting: queued now ({@code dueMillis} 0) or a retry due at {@code
 * dueMillis} (Unix ms).
 */
public record WaitingJob(UUID jobId, Priority priority, long dueMillis) {}
