package io.taskqueue.security.entity;

import java.time.OffsetDateTime;
import java.util.List;

/** An API key as listed: everything but its secret, which is never stored. */
public record ApiKey(
    long id,
    String name,
    List<String> roles,
    OffsetDateTime createdAt,
    String createdBy,
    OffsetDateTime expiresAt,
    OffsetDateTime revokedAt) {

  /** True when the key is neither revoked nor expired at {@code now}. */
  public boolean activeAt(OffsetDateTime now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }
}
