package io.taskqueue.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.security.entity.SignIn;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LapsedSignInsTest {

  private final Instant now = Instant.parse("2030-01-01T12:00:00Z");
  private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);

  /** The key store as a set of live key ids; every question it is asked is kept. */
  private final Set<Long> liveKeys = new HashSet<>();

  private final List<Set<Long>> asked = new ArrayList<>();
  private final LapsedSignIns lapsed =
      new LapsedSignIns(
          clock,
          ids -> {
            asked.add(Set.copyOf(ids));
            Set<Long> live = new HashSet<>(ids);
            live.retainAll(liveKeys);
            return live;
          });

  @Test
  void aSessionOfARevokedKeyLapses() {
    liveKeys.add(1L);
    Set<String> closed =
        lapsed.among(Map.of("live", SignIn.key(1, null), "revoked", SignIn.key(2, null)));
    assertEquals(Set.of("revoked"), closed);
  }

  @Test
  void aSessionOfAKeyPastItsExpiryLapsesWithoutAskingTheStore() {
    liveKeys.add(1L);
    Set<String> closed = lapsed.among(Map.of("expired", SignIn.key(1, now.minusSeconds(1))));
    assertEquals(Set.of("expired"), closed);
    assertTrue(asked.isEmpty());
  }

  @Test
  void aSessionOfAJwtLapsesOnceItsExpHasPassed() {
    Set<String> closed =
        lapsed.among(
            Map.of(
                "expired", SignIn.jwt(now.minusMillis(1)),
                "valid", SignIn.jwt(now.plusSeconds(60))));
    assertEquals(Set.of("expired"), closed);
    assertTrue(asked.isEmpty(), "tokens are checked by the clock alone");
  }

  @Test
  void theBootstrapKeyAndLiveKeysStay() {
    liveKeys.add(1L);
    assertTrue(
        lapsed
            .among(
                Map.of("admin", SignIn.bootstrap(), "live", SignIn.key(1, now.plusSeconds(3600))))
            .isEmpty());
  }

  @Test
  void allSessionsKeysAreCheckedInOneQuestion() {
    liveKeys.addAll(List.of(1L, 2L));
    lapsed.among(
        Map.of(
            "a", SignIn.key(1, null),
            "b", SignIn.key(1, null),
            "c", SignIn.key(2, null),
            "d", SignIn.key(3, null)));
    assertEquals(List.of(Set.of(1L, 2L, 3L)), asked);
  }

  @Test
  void whenTheKeyStoreIsUnreachableOnlyExpiredSessionsLapse() {
    LapsedSignIns blind =
        new LapsedSignIns(
            clock,
            ids -> {
              throw new IllegalStateException("connection refused");
            });
    Set<String> closed =
        blind.among(
            Map.of(
                "key", SignIn.key(1, null),
                "jwt", SignIn.jwt(now.minusSeconds(1))));
    assertEquals(Set.of("jwt"), closed);
  }
}
