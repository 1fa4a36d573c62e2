package io.taskqueue.security.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerificationKeysTest {

  @Test
  void aJwksOverPlainHttpIsRefused() {
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> VerificationKeys.resolver(null, "http://idp.example.com/jwks"));
    assertTrue(refused.getMessage().contains("https"));
  }

  @Test
  void aJwksOverHttpsIsTaken() {
    assertNotNull(VerificationKeys.resolver(null, "https://idp.example.com/jwks"));
  }

  @Test
  void aJwksOverPlainHttpOnThisMachineIsTaken() {
    assertNotNull(VerificationKeys.resolver(null, "http://127.0.0.1:8180/jwks"));
    assertNotNull(VerificationKeys.resolver(null, "http://localhost/jwks"));
    assertNotNull(VerificationKeys.resolver(null, "http://[::1]:8180/jwks"));
  }

  @Test
  void hostsThatOnlyLookLikeThisMachineAreNot() {
    assertFalse(VerificationKeys.loopback("http://127.0.0.1.evil.example/jwks"));
    assertFalse(VerificationKeys.loopback("http://localhost.evil.example/jwks"));
    assertFalse(VerificationKeys.loopback("http://evil.example/127.0.0.1"));
    assertFalse(VerificationKeys.loopback("http://user@evil.example/jwks"));
    assertFalse(VerificationKeys.loopback("http://10.0.0.1/jwks"));
    assertFalse(VerificationKeys.loopback("http:///jwks"));
  }
}
