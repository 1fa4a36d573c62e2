package io.taskqueue.recurring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taskqueue.recurring.entity.FirePlan;
import io.taskqueue.recurring.entity.InvalidScheduleException;
import io.taskqueue.recurring.entity.MisfirePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void fiveFieldsAreUnixCronWithMinutes() {
    CronSchedule every15 = CronSchedule.parse("*/15 * * * *", "UTC");
    assertEquals(
        Instant.parse("2026-05-01T10:15:00Z"), every15.next(Instant.parse("2026-05-01T10:07:00Z")));
    assertEquals(
        Instant.parse("2026-05-01T10:30:00Z"),
        every15.next(Instant.parse("2026-05-01T10:15:00Z")),
        "strictly after");
    assertEquals("every 15 minutes", every15.description());
  }

  @Test
  void sixFieldsAreQuartzCronWithSeconds() {
    CronSchedule every10s = CronSchedule.parse("*/10 * * * * ?", "UTC");
    assertEquals(
        Instant.parse("2026-05-01T10:00:10Z"),
        every10s.next(Instant.parse("2026-05-01T10:00:01Z")));
  }

  @Test
  void theTimeZoneSetsTheWallClock() {
    CronSchedule nineInBerlin = CronSchedule.parse("0 9 * * *", "Europe/Berlin");
    assertEquals(
        Instant.parse("2026-07-01T07:00:00Z"),
        nineInBerlin.next(Instant.parse("2026-07-01T00:00:00Z")));
    assertEquals(
        Instant.parse("2026-12-01T08:00:00Z"),
        nineInBerlin.next(Instant.parse("2026-12-01T00:00:00Z")));
  }

  @Test
  void expressionsThatAreNotCronAreRefusedWithTheReason() {
    for (String bad :
        List.of("", "hello", "* * *", "61 * * * *", "* * * * * * * *", "0 25 * * *")) {
      InvalidScheduleException e =
          assertThrows(InvalidScheduleException.class, () -> CronSchedule.parse(bad, "UTC"), bad);
      assertEquals("invalid-cron", e.reason(), bad);
    }
  }

  @Test
  void zonesMustBeIanaNames() {
    for (String bad : List.of("Mars/Olympus", "+02:00", "EST5")) {
      InvalidScheduleException e =
          assertThrows(
              InvalidScheduleException.class, () -> CronSchedule.parse("* * * * *", bad), bad);
      assertEquals("invalid-time-zone", e.reason(), bad);
    }
  }

  @Test
  void aDailyTimeInTheSpringForwardGapFiresOnceThatDayShiftedByTheGap() {
    // 2026-03-08 02:00 EST jumps to 03:00 EDT in New York: 02:30 does not exist that day.
    CronSchedule daily = CronSchedule.parse("30 2 * * *", "America/New_York");
    List<Instant> times = daily.upcoming(local(2026, 3, 7, 12, 0), 3);
    assertEquals(
        List.of(
            local(2026, 3, 7, 2, 30).plusSeconds(86_400),
            local(2026, 3, 9, 2, 30),
            local(2026, 3, 10, 2, 30)),
        times);
    assertEquals(Instant.parse("2026-03-08T07:30:00Z"), times.get(0), "03:30 EDT");
    assertEquals(times.get(0), daily.previous(local(2026, 3, 9, 0, 0)));
  }

  @Test
  void aDailyTimeInTheFallBackOverlapFiresOnceAtItsFirstOccurrence() {
    // 2026-11-01 02:00 EDT falls back to 01:00 EST: 01:30 happens twice.
    CronSchedule daily = CronSchedule.parse("30 1 * * *", "America/New_York");
    assertEquals(
        List.of(Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-02T06:30:00Z")),
        daily.upcoming(local(2026, 10, 31, 12, 0), 2));
  }

  @Test
  void anHourlyExpressionFiresEveryElapsedHourAcrossBothChanges() {
    CronSchedule hourly = CronSchedule.parse("0 * * * *", "America/New_York");
    assertEquals(
        List.of(
            Instant.parse("2026-03-08T06:00:00Z"),
            Instant.parse("2026-03-08T07:00:00Z"),
            Instant.parse("2026-03-08T08:00:00Z")),
        hourly.upcoming(Instant.parse("2026-03-08T05:30:00Z"), 3),
        "01:00 EST, 03:00 EDT, 04:00 EDT: the skipped 02:00 is the same instant as 03:00");
    assertEquals(
        List.of(
            Instant.parse("2026-11-01T05:00:00Z"),
            Instant.parse("2026-11-01T06:00:00Z"),
            Instant.parse("2026-11-01T07:00:00Z")),
        hourly.upcoming(Instant.parse("2026-11-01T04:30:00Z"), 3),
        "01:00 EDT, 01:00 EST, 02:00 EST");
  }

  @Test
  void aGapFireTimeIsNotLostWhenCountingFromInsideTheGapHour() {
    CronSchedule daily = CronSchedule.parse("30 2 * * *", "America/New_York");
    // 07:10Z is 03:10 EDT, after the change but before 02:30 EST's instant (07:30Z).
    assertEquals(
        Instant.parse("2026-03-08T07:30:00Z"), daily.next(Instant.parse("2026-03-08T07:10:00Z")));
  }

  @Test
  void anExpressionWithAYearEnds() {
    CronSchedule once = CronSchedule.parse("0 0 12 1 1 ? 2027", "UTC");
    Instant only = once.next(Instant.parse("2026-05-01T00:00:00Z"));
    assertEquals(Instant.parse("2027-01-01T12:00:00Z"), only);
    assertNull(once.next(only));
  }

  private static Instant local(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(NEW_YORK).toInstant();
  }

  @Test
  void fireTimesAreWholeSecondsWhateverTheInstantCountedFrom() {
    CronSchedule everySecond = CronSchedule.parse("* * * * * ?", "UTC");
    assertEquals(
        Instant.parse("2026-01-01T00:00:01Z"),
        everySecond.next(Instant.parse("2026-01-01T00:00:00.700Z")));
    assertEquals(
        Instant.parse("2026-01-01T00:00:01Z"),
        everySecond.previous(Instant.parse("2026-01-01T00:00:01.300Z")));
    assertEquals(
        Instant.parse("2026-01-01T00:00:00Z"),
        everySecond.previous(Instant.parse("2026-01-01T00:00:01Z")),
        "strictly before");
  }

  @Test
  void catchingUpASecondsScheduleCreatedMidSecondMissesNoFireTime() {
    CronSchedule everyTen = CronSchedule.parse("*/10 * * * * ?", "UTC");
    Instant created = Instant.parse("2026-01-01T00:00:00.250Z");

    FirePlan plan =
        FirePlanner.plan(
            everyTen,
            everyTen.next(created),
            Instant.parse("2026-01-01T00:01:00.500Z"),
            Duration.ofSeconds(5),
            MisfirePolicy.FIRE_ALL,
            100);

    assertEquals(
        Stream.of("00:10", "00:20", "00:30", "00:40", "00:50", "01:00")
            .map(t -> Instant.parse("2026-01-01T00:" + t + "Z"))
            .toList(),
        plan.fireTimes());
  }
}
