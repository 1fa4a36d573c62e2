package io.taskqueue.job.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What reconciliation needs to know of a job that is queued, retrying or running. */
public record UnfinishedJob(
    UUID id, Priority priority, JobStatus status, OffsetDateTime scheduledAt, Long leaseId) {}
