package io.taskqueue.security.boundary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * API key secrets: {@code tq_} and 256 random bits in URL-safe Base64, so a key is recognisable in
 * a leaked log or repository (as GitHub's {@code ghp_} tokens are) and safe in a header.
 */
public final class KeySecrets {

  public static final String PREFIX = "tq_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private KeySecrets() {}

  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The SHA-256 of a secret: what is stored and looked up. */
  public static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Compares two secrets in time independent of where they differ. */
  public static boolean same(String secret, String expected) {
    return MessageDigest.isEqual(hash(secret), hash(expected));
  }
}
