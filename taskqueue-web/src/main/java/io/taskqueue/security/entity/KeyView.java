package io.taskqueue.security.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * An API key as the API shows it; {@code secret} only in the answer to its creation. {@code state}
 * is {@code active}, {@code revoked} or {@code expired}.
 */
public record KeyView(
    long id,
    String name,
    List<String> roles,
    String state,
    OffsetDateTime createdAt,
    String createdBy,
    OffsetDateTime expiresAt,
    OffsetDateTime revokedAt,
    String secret) {

  public static KeyView of(ApiKey key) {
    return of(key, null);
  }

  public static KeyView of(ApiKey key, String secret) {
    String state =
        key.revokedAt() != null
            ? "revoked"
            : key.activeAt(OffsetDateTime.now(ZoneOffset.UTC)) ? "active" : "expired";
    return new KeyView(
        key.id(),
        key.name(),
        key.roles(),
        state,
        key.createdAt(),
        key.createdBy(),
        key.expiresAt(),
        key.revokedAt(),
        secret);
  }
}
