package io.taskqueue.workflow.entity;

import java.util.UUID;

/** A waiting job the database marked for release, or for cancelling because a parent failed. */
public record PendingRelease(UUID jobId, boolean release) {}
