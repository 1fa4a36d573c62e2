package io.taskqueue.client.entity;

import java.util.UUID;

/** A parent or child of a job. */
public record Relative(UUID id, String key, String type, String status) {}
