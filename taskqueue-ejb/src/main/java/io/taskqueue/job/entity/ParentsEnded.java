package io.taskqueue.job.entity;

/**
 * Fired in a transaction that ended at least one job with children (a workflow parent): after it
 * commits, this node looks for the releases the database marked, at once rather than at its next
 * unprompted look.
 */
public record ParentsEnded() {}
