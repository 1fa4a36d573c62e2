package io.taskqueue.duty.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FullSweepTest {

  private static final Duration EVERY = Duration.ofMinutes(5);
  private static final Duration GRACE = Duration.ofSeconds(5);
  private static final FullSweep LAST = new FullSweep("run-1", 3, 0, false);

  private static String reason(FullSweep last, String runId, boolean marked, long errors, long at) {
    return FullSweep.reason(last, runId, marked, errors, at, EVERY, GRACE).orElse("none");
  }

  @Test
  void nothingChangedWithinTheIntervalNeedsNoSweep() {
    assertEquals("none", reason(LAST, "run-1", true, 3, EVERY.toNanos() - 1));
  }

  @Test
  void eachSignOfLostDataIsNamed() {
    assertEquals("first round since the node started", reason(null, "run-1", true, 3, 0));
    assertTrue(reason(LAST, "run-2", true, 3, 0).startsWith("Redis restarted or failed over"));
    assertTrue(reason(LAST, "run-1", false, 3, 0).startsWith("Redis lost this node's sweep mark"));
    assertEquals("a Redis call failed on this node", reason(LAST, "run-1", true, 4, 0));
    assertEquals("periodic", reason(LAST, "run-1", true, 3, EVERY.toNanos()));
  }

  @Test
  void aSweepMadeForASignIsFollowedByOneOnceTheGracePeriodIsOver() {
    FullSweep forASign = new FullSweep("run-1", 3, 0, true);
    assertEquals("none", reason(forASign, "run-1", true, 3, GRACE.toNanos() - 1));
    assertEquals(FullSweep.FOLLOW_UP, reason(forASign, "run-1", true, 3, GRACE.toNanos()));
  }
}
