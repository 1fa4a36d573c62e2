package io.taskqueue.queue.entity;

/** The answer to a pause or resume: the queue's state now, and whether this call changed it. */
public record QueueState(String priority, boolean paused, boolean changed) {}
