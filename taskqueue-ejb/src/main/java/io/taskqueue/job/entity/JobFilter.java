package io.taskqueue.job.entity;

import java.util.UUID;

/**
 * What a job listing asks for: optional status, type, priority and submitter, the page size, and
 * the keyset cursor (the last id of the previous page; null for the first page).
 */
public record JobFilter(
    JobStatus status, String type, Priority priority, String submittedBy, int limit, UUID before) {}
