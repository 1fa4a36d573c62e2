package io.taskqueue.client.entity;

import java.time.OffsetDateTime;

/** One line a handler logged. */
public record LogLine(
    Integer seq, Integer attempt, OffsetDateTime at, String level, String message) {}
