package io.taskqueue.client.entity;

/** A priority after a pause or resume. */
public record QueueState(String priority, Boolean paused, Boolean changed) {}
