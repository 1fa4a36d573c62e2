package io.taskqueue.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.security.entity.SignIn;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WsHandshakesTest {

  private final AtomicLong now = new AtomicLong();
  private final WsHandshakes handshakes = new WsHandshakes();

  WsHandshakesTest() {
    handshakes.nanoClock = now::get;
  }

  @Test
  void concurrentHandshakesWithOneKeyAllFindItsSignIn() {
    handshakes.remember("tq_secret", SignIn.key(3, null));
    assertEquals(Optional.of(SignIn.key(3, null)), handshakes.find("tq_secret"));
    assertEquals(Optional.of(SignIn.key(3, null)), handshakes.find("tq_secret"));
    assertTrue(handshakes.find("tq_other").isEmpty());
  }

  @Test
  void aSignInIsHeldForAMinuteOnly() {
    handshakes.remember("tq_secret", SignIn.key(3, null));
    now.addAndGet(TimeUnit.SECONDS.toNanos(61));
    assertTrue(handshakes.find("tq_secret").isEmpty());
  }

  @Test
  void theHandshakesCredentialIsTheBearerSecretElseTheTicket() {
    assertEquals(
        Optional.of("tq_key"),
        WsHandshakes.credentialOf(
            Map.of("authorization", List.of("Bearer tq_key")), Map.of("ticket", List.of("t"))));
    assertEquals(
        Optional.of("t"),
        WsHandshakes.credentialOf(Map.of("Host", List.of("x")), Map.of("ticket", List.of("t"))));
    assertTrue(WsHandshakes.credentialOf(Map.of(), Map.of()).isEmpty());
  }
}
