package io.taskqueue.recurring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.recurring.entity.FirePlan;
import io.taskqueue.recurring.entity.MisfirePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fire times across both daylight-saving changes of New York, Berlin and Lord Howe (a 30-minute
 * shift), worked out by hand: walking forward with {@code next} and backward with {@code previous}
 * gives the same times, and every misfire policy catches up on exactly those.
 */
class DaylightSavingFiresTest {

  private static final Duration GRACE = Duration.ofMinutes(1);

  /** zone, cron, window start, window end, the fire times in [start, end). */
  static Stream<Arguments> changes() {
    return Stream.of(
        // New York springs forward 2026-03-08 02:00 EST -> 03:00 EDT (07:00Z).
        row(
            "America/New_York",
            "30 2 * * *",
            "2026-03-07T12:00:00Z",
            "2026-03-09T12:00:00Z",
            "2026-03-08T07:30:00Z",
            "2026-03-09T06:30:00Z"),
        row(
            "America/New_York",
            "15,45 2 * * *",
            "2026-03-07T12:00:00Z",
            "2026-03-09T12:00:00Z",
            "2026-03-08T07:15:00Z",
            "2026-03-08T07:45:00Z",
            "2026-03-09T06:15:00Z",
            "2026-03-09T06:45:00Z"),
        row(
            "America/New_York",
            "0 * * * *",
            "2026-03-08T05:00:00Z",
            "2026-03-08T09:00:00Z",
            "2026-03-08T05:00:00Z",
            "2026-03-08T06:00:00Z",
            "2026-03-08T07:00:00Z",
            "2026-03-08T08:00:00Z"),
        // ... and falls back 2026-11-01 02:00 EDT -> 01:00 EST (06:00Z).
        row(
            "America/New_York",
            "30 1 * * *",
            "2026-10-31T12:00:00Z",
            "2026-11-02T12:00:00Z",
            "2026-11-01T05:30:00Z",
            "2026-11-02T06:30:00Z"),
        row(
            "America/New_York",
            "30 * * * *",
            "2026-11-01T04:00:00Z",
            "2026-11-01T08:00:00Z",
            "2026-11-01T04:30:00Z",
            "2026-11-01T05:30:00Z",
            "2026-11-01T06:30:00Z",
            "2026-11-01T07:30:00Z"),
        // Berlin: 2026-03-29 02:00 CET -> 03:00 CEST (01:00Z); 2026-10-25 03:00 -> 02:00 (01:00Z).
        row(
            "Europe/Berlin",
            "30 2 * * *",
            "2026-03-28T12:00:00Z",
            "2026-03-30T12:00:00Z",
            "2026-03-29T01:30:00Z",
            "2026-03-30T00:30:00Z"),
        row(
            "Europe/Berlin",
            "30 2 * * *",
            "2026-10-24T12:00:00Z",
            "2026-10-26T12:00:00Z",
            "2026-10-25T00:30:00Z",
            "2026-10-26T01:30:00Z"),
        row(
            "Europe/Berlin",
            "*/30 * * * *",
            "2026-10-25T00:00:00Z",
            "2026-10-25T02:00:00Z",
            "2026-10-25T00:00:00Z",
            "2026-10-25T00:30:00Z",
            "2026-10-25T01:00:00Z",
            "2026-10-25T01:30:00Z"),
        // Lord Howe falls back half an hour 2026-04-05 02:00 (+11) -> 01:30 (+10:30), at 15:00Z
        // the day before, and springs forward 2026-10-04 02:00 (+10:30) -> 02:30 (+11), 15:30Z.
        row(
            "Australia/Lord_Howe",
            "45 1 * * *",
            "2026-04-04T00:00:00Z",
            "2026-04-06T00:00:00Z",
            "2026-04-04T14:45:00Z",
            "2026-04-05T15:15:00Z"),
        row(
            "Australia/Lord_Howe",
            "*/30 * * * *",
            "2026-04-04T14:00:00Z",
            "2026-04-04T16:00:00Z",
            "2026-04-04T14:00:00Z",
            "2026-04-04T14:30:00Z",
            "2026-04-04T15:00:00Z",
            "2026-04-04T15:30:00Z"),
        row(
            "Australia/Lord_Howe",
            "15 2 * * *",
            "2026-10-03T00:00:00Z",
            "2026-10-05T00:00:00Z",
            "2026-10-03T15:45:00Z",
            "2026-10-04T15:15:00Z"),
        row(
            "Australia/Lord_Howe",
            "0,15,30,45 2 * * *",
            "2026-10-03T15:00:00Z",
            "2026-10-03T17:00:00Z",
            // 02:00 and 02:15 are skipped and land on 02:30 and 02:45: each instant fires once.
            "2026-10-03T15:30:00Z",
            "2026-10-03T15:45:00Z"));
  }

  @ParameterizedTest(name = "{0} \"{1}\" from {2}")
  @MethodSource("changes")
  void nextAndPreviousWalkTheSameFireTimes(
      String zone, String cron, Instant start, Instant end, List<Instant> expected) {
    CronSchedule schedule = CronSchedule.parse(cron, zone);

    List<Instant> forward = new ArrayList<>();
    for (Instant t = schedule.next(start.minusSeconds(1)); t.isBefore(end); t = schedule.next(t)) {
      forward.add(t);
    }
    List<Instant> backward = new ArrayList<>();
    for (Instant t = schedule.previous(end); !t.isBefore(start); t = schedule.previous(t)) {
      backward.add(t);
    }
    Collections.reverse(backward);

    assertEquals(expected, forward, "next");
    assertEquals(expected, backward, "previous");
  }

  @ParameterizedTest(name = "{0} \"{1}\" from {2}")
  @MethodSource("changes")
  void everyMisfirePolicyCatchesUpOnExactlyTheseTimes(
      String zone, String cron, Instant start, Instant end, List<Instant> expected) {
    CronSchedule schedule = CronSchedule.parse(cron, zone);
    Instant now = end.plus(GRACE).plusSeconds(1); // everything in the window was missed
    Instant nextFireAt = schedule.next(start.minusSeconds(1));
    long missedAfterEnd = countFrom(schedule, end, now.minus(GRACE));

    FirePlan all = FirePlanner.plan(schedule, nextFireAt, now, GRACE, MisfirePolicy.FIRE_ALL, 100);
    FirePlan once =
        FirePlanner.plan(schedule, nextFireAt, now, GRACE, MisfirePolicy.FIRE_ONCE, 100);
    FirePlan skip = FirePlanner.plan(schedule, nextFireAt, now, GRACE, MisfirePolicy.SKIP, 100);

    List<Instant> missed = new ArrayList<>(expected);
    missed.addAll(firesFrom(schedule, end, now.minus(GRACE)));
    assertEquals(missed, all.fireTimes().subList(0, missed.size()), "fire-all");
    assertEquals(missed.get(missed.size() - 1), once.fireTimes().get(0), "fire-once: the latest");
    assertEquals(expected.size() + missedAfterEnd - 1, once.missed());
    assertEquals(expected.size() + missedAfterEnd, skip.missed(), "skip counts, fires nothing");
    assertTrue(skip.fireTimes().stream().noneMatch(missed::contains), "skip fires none of them");
  }

  private static long countFrom(CronSchedule schedule, Instant from, Instant before) {
    return firesFrom(schedule, from, before).size();
  }

  private static List<Instant> firesFrom(CronSchedule schedule, Instant from, Instant before) {
    List<Instant> times = new ArrayList<>();
    for (Instant t = schedule.next(from.minusSeconds(1));
        t != null && t.isBefore(before);
        t = schedule.next(t)) {
      times.add(t);
    }
    return times;
  }

  private static Arguments row(
      String zone, String cron, String start, String end, String... fires) {
    return Arguments.of(
        zone,
        cron,
        Instant.parse(start),
        Instant.parse(end),
        Arrays.stream(fires).map(Instant::parse).toList());
  }
}
