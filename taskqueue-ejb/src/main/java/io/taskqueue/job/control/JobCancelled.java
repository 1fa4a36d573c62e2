package io.taskqueue.job.control;

import java.util.UUID;

/**
 * Fired when a running job is cancelled; after commit its node is told to stop it. The signal names
 * the attempt's lease, so that it can never stop a later attempt of the same job.
 */
public record JobCancelled(UUID jobId, long leaseId) {}
