package io.taskqueue.recurring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.taskqueue.recurring.entity.FirePlan;
import io.taskqueue.recurring.entity.MisfirePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FirePlannerTest {

  private static final CronSchedule EVERY_MINUTE = CronSchedule.parse("* * * * *", "UTC");
  private static final Duration GRACE = Duration.ofSeconds(60);
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:30Z");
  private static final Instant AN_HOUR_AGO = Instant.parse("2026-05-01T09:00:00Z");

  @Test
  void anOnTimeFireTimeFiresAndTheNextOneWaits() {
    FirePlan plan =
        FirePlanner.plan(EVERY_MINUTE, at("10:00:00"), NOW, GRACE, MisfirePolicy.SKIP, 10);
    assertEquals(List.of(at("10:00:00")), plan.fireTimes());
    assertEquals(0, plan.missed());
    assertEquals(at("10:01:00"), plan.next());
  }

  @Test
  void nothingFiresBeforeItsTime() {
    FirePlan plan =
        FirePlanner.plan(EVERY_MINUTE, at("10:01:00"), NOW, GRACE, MisfirePolicy.SKIP, 10);
    assertEquals(List.of(), plan.fireTimes());
    assertEquals(at("10:01:00"), plan.next());
  }

  @Test
  void skipDropsEveryMissedFireTimeAndFiresOnlyTheOnTimeOnes() {
    // Missed: 09:00 to 09:59 (before 09:59:30, the start of the grace); on time: 10:00.
    FirePlan plan = FirePlanner.plan(EVERY_MINUTE, AN_HOUR_AGO, NOW, GRACE, MisfirePolicy.SKIP, 10);
    assertEquals(List.of(at("10:00:00")), plan.fireTimes());
    assertEquals(60, plan.missed());
    assertEquals(at("10:01:00"), plan.next());
  }

  @Test
  void fireOnceSubmitsOneJobForTheLatestMissedFireTime() {
    FirePlan plan =
        FirePlanner.plan(EVERY_MINUTE, AN_HOUR_AGO, NOW, GRACE, MisfirePolicy.FIRE_ONCE, 10);
    assertEquals(List.of(at("09:59:00"), at("10:00:00")), plan.fireTimes());
    assertEquals(59, plan.missed());
  }

  @Test
  void fireAllSubmitsTheLatestMissedFireTimesUpToTheLimit() {
    FirePlan plan =
        FirePlanner.plan(EVERY_MINUTE, AN_HOUR_AGO, NOW, GRACE, MisfirePolicy.FIRE_ALL, 10);
    List<Instant> expected =
        IntStream.rangeClosed(50, 60).mapToObj(m -> AN_HOUR_AGO.plusSeconds(60L * m)).toList();
    assertEquals(expected, plan.fireTimes());
    assertEquals(50, plan.missed());

    FirePlan all =
        FirePlanner.plan(EVERY_MINUTE, AN_HOUR_AGO, NOW, GRACE, MisfirePolicy.FIRE_ALL, 1000);
    assertEquals(61, all.fireTimes().size());
    assertEquals(AN_HOUR_AGO, all.fireTimes().get(0));
    assertEquals(0, all.missed());
  }

  @Test
  void anExpressionThatEndsHasNoNextFireTime() {
    CronSchedule once = CronSchedule.parse("0 0 10 1 5 ? 2026", "UTC");
    FirePlan plan = FirePlanner.plan(once, at("10:00:00"), NOW, GRACE, MisfirePolicy.SKIP, 10);
    assertEquals(List.of(at("10:00:00")), plan.fireTimes());
    assertNull(plan.next());
  }

  private static Instant at(String time) {
    return Instant.parse("2026-05-01T" + time + "Z");
  }
}
