package io.taskqueue.security.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.security.entity.Caller;
import io.taskqueue.security.entity.Role;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SubmitRateLimitTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final Caller ci = Caller.of("ci", List.of(Role.SUBMITTER), "key");

  @Test
  void aBatchPaysOneTokenPerJob() {
    SubmitRateLimit limit = limit(10, 100);
    limit.take(ci);
    limit.chargeRest(ci, 100); // the whole bucket: 1 up front, 99 now

    ProblemException refused = assertThrows(ProblemException.class, () -> limit.take(ci));
    assertEquals(429, refused.problem().status());
  }

  @Test
  void aBatchTheBucketCannotPayIsRefusedWith429AndRetryAfter() {
    SubmitRateLimit limit = limit(10, 100);
    limit.take(ci);
    limit.chargeRest(ci, 50);
    limit.take(ci); // 49 left

    ProblemException refused = assertThrows(ProblemException.class, () -> limit.chargeRest(ci, 51));

    assertEquals(429, refused.problem().status());
    assertEquals("1", refused.headers().get("Retry-After"), "one token short at 10/s: 100 ms");
    assertDoesNotThrow(() -> limit.chargeRest(ci, 50), "a refused charge took nothing");
  }

  @Test
  void aSingleJobPaysOnlyItsUpFrontToken() {
    SubmitRateLimit limit = limit(10, 2);
    limit.take(ci);
    limit.chargeRest(ci, 1);
    limit.take(ci);
    assertThrows(ProblemException.class, () -> limit.take(ci));
  }

  @Test
  void aBatchLargerThanTheBurstIsSlowedNotRefusedForever() {
    SubmitRateLimit limit = limit(10, 100);
    limit.take(ci);
    now.addAndGet(10_000_000_000L); // the bucket is full again
    assertDoesNotThrow(() -> limit.chargeRest(ci, 1_000));
    assertThrows(ProblemException.class, () -> limit.take(ci), "but it emptied the bucket");
  }

  @Test
  void callersHaveTheirOwnBuckets() {
    SubmitRateLimit limit = limit(10, 1);
    limit.take(ci);
    assertDoesNotThrow(() -> limit.take(Caller.of("ci", List.of(Role.SUBMITTER), "jwt")));
  }

  private SubmitRateLimit limit(double rate, double burst) {
    SubmitRateLimit limit = new SubmitRateLimit();
    limit.ratePerSecond = rate;
    limit.burst = burst;
    limit.nanoClock = now::get;
    limit.check();
    return limit;
  }
}
