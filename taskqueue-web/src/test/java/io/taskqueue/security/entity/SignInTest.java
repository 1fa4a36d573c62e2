package io.taskqueue.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInTest {

  @Test
  void aSignInTravelsWithATicketUnchanged() {
    for (SignIn signIn :
        new SignIn[] {
          SignIn.bootstrap(),
          SignIn.key(42, null),
          SignIn.key(7, Instant.ofEpochMilli(1_800_000_000_123L)),
          SignIn.jwt(Instant.ofEpochMilli(1_800_000_000_000L))
        }) {
      assertEquals(Optional.of(signIn), SignIn.decode(signIn.encode()));
    }
  }

  @Test
  void aTicketWithoutAReadableSignInHasNone() {
    assertTrue(SignIn.decode("").isEmpty());
    assertTrue(SignIn.decode(null).isEmpty());
    assertTrue(SignIn.decode("KEY:x:").isEmpty());
    assertTrue(SignIn.decode("ROOT:0:").isEmpty());
    assertTrue(SignIn.decode("KEY:1").isEmpty());
  }

  @Test
  void aSignInExpiresAtItsInstantAndNotBefore() {
    Instant at = Instant.parse("2030-01-01T00:00:00Z");
    SignIn jwt = SignIn.jwt(at);
    assertFalse(jwt.expiredAt(at.minusMillis(1)));
    assertTrue(jwt.expiredAt(at));
    assertFalse(SignIn.bootstrap().expiredAt(Instant.MAX));
  }
}
