package io.taskqueue.worker.control;

import io.taskqueue.job.entity.StartedAttempt;
import io.taskqueue.queue.entity.Claim;

/** A job this node leased in Redis and started in PostgreSQL, waiting for a worker thread. */
public record ClaimedAttempt(Claim claim, StartedAttempt attempt) {}
