package io.taskqueue.security.entity;

import java.time.OffsetDateTime;
import java.util.List;

/** {@code POST /api/keys}: a unique name, one or more roles, and an optional expiry. */
public record NewKeyRequest(String name, List<String> roles, OffsetDateTime expiresAt) {}
