package io.taskqueue.job.entity;

import io.taskqueue.queue.entity.QueuedJob;
import java.util.List;

/** Fired inside the submitting transaction; observed after it commits. */
public record JobsSubmitted(List<QueuedJob> jobs) {}
