package io.taskqueue.security.entity;

import jakarta.security.enterprise.credential.Credential;

/**
 * A secret from {@code Authorization: Bearer}: an API key, or a signed JWT (three dot-separated
 * parts). Each identity store validates the kind it knows and leaves the other alone.
 */
public record BearerCredential(String token) implements Credential {

  public boolean isJwt() {
    return token.chars().filter(c -> c == '.').count() == 2;
  }
}
