package io.taskqueue.client.entity;

import java.util.UUID;

/** One job of a stored workflow. */
public record CreatedJob(String key, UUID id, String status) {}
