package io.taskqueue.client.entity;

import java.time.OffsetDateTime;

/** What a running job last reported. */
public record Progress(Integer percent, String message, OffsetDateTime at) {}
