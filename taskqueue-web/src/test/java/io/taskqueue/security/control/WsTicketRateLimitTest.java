package io.taskqueue.security.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.security.entity.Caller;
import io.taskqueue.security.entity.Role;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WsTicketRateLimitTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Test
  void aCallerGetsItsBurstThenOneTicketPerRefillAndOthersAreUntouched() {
    WsTicketRateLimit limit = new WsTicketRateLimit();
    limit.ratePerSecond = 2;
    limit.burst = 3;
    limit.nanoClock = now::get;
    Caller viewer = Caller.of("dash", List.of(Role.VIEWER), "key");
    Caller other = Caller.of("other", List.of(Role.VIEWER), "key");
    for (int i = 0; i < 3; i++) {
      limit.take(viewer);
    }

    ProblemException refused = assertThrows(ProblemException.class, () -> limit.take(viewer));
    assertEquals(429, refused.problem().status());
    assertDoesNotThrow(() -> limit.take(other));

    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
    assertDoesNotThrow(() -> limit.take(viewer));
    assertThrows(ProblemException.class, () -> limit.take(viewer));
  }
}
