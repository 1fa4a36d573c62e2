package io.taskqueue.client.entity;

import java.time.OffsetDateTime;
import java.util.List;

/** An API key; {@code secret} only in the answer that created it. */
public record ApiKey(
    Long id,
    String name,
    List<String> roles,
    String state,
    OffsetDateTime createdAt,
    String createdBy,
    OffsetDateTime expiresAt,
    OffsetDateTime revokedAt,
    String secret) {}
