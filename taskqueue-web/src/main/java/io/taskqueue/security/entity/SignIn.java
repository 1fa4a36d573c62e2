package io.taskqueue.security.entity;

import java.time.Instant;
import java.util.Optional;

/**
 * How a caller proved itself, kept for as long as a connection it opened lives, so that the
 * connection can be closed once that proof no longer holds: the bootstrap key (valid while the node
 * runs), a stored API key (until revoked, or until {@code expiresAt}), or a JWT (until its {@code
 * exp}, plus the clock skew its check allows).
 *
 * @param keyId the stored key's id; 0 for the other kinds
 * @param expiresAt when the proof lapses by itself; null for never
 */
public record SignIn(Kind kind, long keyId, Instant expiresAt) {

  /** The ways of signing in that can be re-checked. */
  public enum Kind {
    BOOTSTRAP,
    KEY,
    JWT
  }

  public static SignIn bootstrap() {
    return new SignIn(Kind.BOOTSTRAP, 0, null);
  }

  public static SignIn key(long id, Instant expiresAt) {
    return new SignIn(Kind.KEY, id, expiresAt);
  }

  public static SignIn jwt(Instant expiresAt) {
    return new SignIn(Kind.JWT, 0, expiresAt);
  }

  /** True when the proof has lapsed by the clock alone (revocation needs the key store). */
  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** A compact text form, to travel with a WebSocket ticket: {@code kind:keyId:expiresAtMillis}. */
  public String encode() {
    return kind.name() + ":" + keyId + ":" + (expiresAt == null ? "" : expiresAt.toEpochMilli());
  }

  /** The sign-in {@link #encode} wrote; empty for anything else. */
  public static Optional<SignIn> decode(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = text.split(":", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      Kind kind = Kind.valueOf(parts[0]);
      long keyId = Long.parseLong(parts[1]);
      Instant expiresAt =
          parts[2].isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(parts[2]));
      return Optional.of(new SignIn(kind, keyId, expiresAt));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
