package io.taskqueue.bench.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

  @Test
  void countIsRateTimesSeconds() {
    assertEquals(100_000, new OpenLoopSchedule(5000, 20).count());
  }

  @Test
  void submissionsAreDueEvenlySpacedFromTheStart() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(500, 20);
    assertEquals(0, schedule.dueNanos(0));
    assertEquals(2_000_000, schedule.dueNanos(1));
    assertEquals(20_000_000_000L - 2_000_000, schedule.dueNanos(schedule.count() - 1));
  }

  @Test
  void aRateThatDoesNotDivideASecondDoesNotDrift() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(3, 3600);
    assertEquals(333_333_333, schedule.dueNanos(1));
    assertEquals(666_666_666, schedule.dueNanos(2));
    assertEquals(1_000_000_000, schedule.dueNanos(3)); // a rounded interval would give 999_999_999
    assertEquals(3_600_000_000_000L, schedule.dueNanos(schedule.count()));
  }

  @Test
  void achievedRateCountsTheIntervalsBetweenFirstAndLastSend() {
    // 11 sends, 10 intervals over one second: 10 per second, not 11
    assertEquals(10, OpenLoopSchedule.achievedRate(11, 5_000_000_000L, 6_000_000_000L), 1e-9);
    assertEquals(0, OpenLoopSchedule.achievedRate(1, 0, 0));
  }

  @Test
  void aSenderMoreThanOneSecondLateHasFallenBehind() {
    assertFalse(OpenLoopSchedule.fellBehind(1_000_000_000L));
    assertTrue(OpenLoopSchedule.fellBehind(1_000_000_001L));
  }

  @Test
  void rateAndDurationMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(0, 20));
    assertThrows(IllegalArgumentException.class, () -> new OpenLoopSchedule(500, 0));
  }

  @Test
  void ticksOfTenMillisecondsGroupTheJobsDueInEach() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(500, 2);
    long tick = 10_000_000L;

    assertEquals(0, schedule.dueBefore(0));
    assertEquals(5, schedule.dueBefore(tick), "500/s: due at 0, 2, 4, 6 and 8 ms");
    assertEquals(10, schedule.dueBefore(2 * tick));
    assertEquals(1000, schedule.dueBefore(200 * tick), "every job by the end");
    assertEquals(1000, schedule.dueBefore(500 * tick), "never more than the count");
  }

  @Test
  void ticksMatchDueTimesAtRatesThatDoNotDivideASecond() {
    OpenLoopSchedule schedule = new OpenLoopSchedule(7, 3);
    for (long nanos = 0; nanos < 3_100_000_000L; nanos += 10_000_000L) {
      int before = schedule.dueBefore(nanos);
      assertTrue(before == schedule.count() || schedule.dueNanos(before) >= nanos);
      assertTrue(before == 0 || schedule.dueNanos(before - 1) < nanos);
    }
  }
}
