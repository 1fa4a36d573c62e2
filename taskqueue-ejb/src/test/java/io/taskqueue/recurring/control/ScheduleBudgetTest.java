package io.taskqueue.recurring.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.job.entity.SubmitRate;
import io.taskqueue.recurring.entity.InvalidScheduleException;
import io.taskqueue.recurring.entity.MisfirePolicy;
import io.taskqueue.recurring.entity.ScheduleDemand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleBudgetTest {

  private static final Instant NOW = Instant.parse("2026-03-29T00:30:00Z");

  @Test
  void aScheduleAsksForItsRateAtItsBusiestNotItsAverage() {
    assertEquals(1.0, rate("* * * * * ?"), 1e-9);
    assertEquals(1.0 / 3600, rate("0 0 * * * ?"), 1e-9);
    // Every second of 09:00 to 09:59 on weekdays: a day's average is 0.04/s, its busy hour 1/s.
    assertEquals(1.0, rate("* * 9 ? * MON-FRI"), 1e-9);
    assertEquals(0, rate("0 0 0 1 1 ? 2027"), "fires once: no rate");
  }

  @Test
  void catchUpIsWhatTheMisfirePolicyMaySubmitAtOnce() {
    assertEquals(0, demand("0 * * * * ?", MisfirePolicy.SKIP, 500).catchUpJobs());
    assertEquals(1, demand("0 * * * * ?", MisfirePolicy.FIRE_ONCE, 500).catchUpJobs());
    assertEquals(500, demand("0 * * * * ?", MisfirePolicy.FIRE_ALL, 500).catchUpJobs());
  }

  @Test
  void theOwnersSchedulesTogetherMayNotFireFasterThanTheOwnerMaySubmit() {
    ScheduleBudget budget = new ScheduleBudget(new SubmitRate(10, 10_000));
    List<ScheduleDemand> nine = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      nine.add(demand("* * * * * ?", MisfirePolicy.SKIP, 1));
    }
    ScheduleDemand tenth = demand("* * * * * ?", MisfirePolicy.SKIP, 1);
    assertDoesNotThrow(() -> budget.check(tenth, nine));

    List<ScheduleDemand> ten = new ArrayList<>(nine);
    ten.add(tenth);
    InvalidScheduleException refused =
        assertThrows(
            InvalidScheduleException.class,
            () -> budget.check(demand("0/2 * * * * ?", MisfirePolicy.SKIP, 1), ten));
    assertEquals("schedule-rate-exceeded", refused.reason());
    assertTrue(refused.getMessage().contains("10.5 jobs/s"), refused.getMessage());
  }

  @Test
  void theirCatchUpAfterAnOutageMayNotExceedOneBurst() {
    ScheduleBudget budget = new ScheduleBudget(new SubmitRate(5000, 2_000));
    List<ScheduleDemand> one = List.of(demand("0 * * * * ?", MisfirePolicy.FIRE_ALL, 1_000));
    assertDoesNotThrow(
        () -> budget.check(demand("0 * * * * ?", MisfirePolicy.FIRE_ALL, 1_000), one));

    InvalidScheduleException refused =
        assertThrows(
            InvalidScheduleException.class,
            () ->
                budget.check(
                    demand("0 * * * * ?", MisfirePolicy.FIRE_ALL, 1_000),
                    List.of(one.get(0), demand("0 * * * * ?", MisfirePolicy.FIRE_ONCE, 1))));
    assertTrue(refused.getMessage().contains("2001 jobs at once"), refused.getMessage());
  }

  @Test
  void noSubmitRateMeansNoBudget() {
    ScheduleBudget budget = new ScheduleBudget(new SubmitRate(0, 1));
    assertDoesNotThrow(
        () ->
            budget.check(
                demand("* * * * * ?", MisfirePolicy.FIRE_ALL, 1_000),
                List.of(demand("* * * * * ?", MisfirePolicy.FIRE_ALL, 1_000))));
  }

  private static double rate(String cron) {
    return demand(cron, MisfirePolicy.SKIP, 1).firesPerSecond();
  }

  private static ScheduleDemand demand(String cron, MisfirePolicy misfire, int limit) {
    return ScheduleBudget.demand("s", cron, misfire, limit, NOW);
  }
}
