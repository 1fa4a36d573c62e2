package io.taskqueue.job.control;

import java.util.UUID;

/** Fired when a running job is cancelled; after commit its node is told to stop it. */
public record JobCancelled(UUID jobId) {}
