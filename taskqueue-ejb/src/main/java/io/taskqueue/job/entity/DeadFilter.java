package io.taskqueue.job.entity;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Which dead jobs an operator means: by type, by text in the last error (case-insensitive), and by
 * when they died; any part may be null. {@code limit} and {@code before} page a listing.
 */
public record DeadFilter(
    String type,
    String errorContains,
    OffsetDateTime diedAfter,
    OffsetDateTime diedBefore,
    int limit,
    UUID before) {}
