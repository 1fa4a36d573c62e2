package io.taskqueue.recurring.control;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.taskqueue.recurring.entity.InvalidScheduleException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cron expression in a time zone, parsed by cron-utils: five fields are Unix cron (minute
 * resolution), six or seven are Quartz (seconds first, optional year).
 *
 * <p>Daylight-saving changes follow Vixie cron. When clocks go back, a local time that occurs twice
 * fires once (at its first occurrence), while an expression that fires every hour or more often
 * fires in both of the repeated hours, as elapsed time asks. When clocks go forward, a local time
 * in the skipped hour fires at the instant it would have had, which is that local time shifted by
 * the gap (02:30 becomes 03:30): a daily job still runs once that day. cron-utils alone skips the
 * day, so {@link #next} and {@link #previous} add those fire times.
 */
public final class CronSchedule {

  private static final CronParser UNIX =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final CronParser QUARTZ =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
  static final int MAX_LENGTH = 200;

  private final Cron cron;
  private final ExecutionTime execution;
  private final ZoneId zone;

  private CronSchedule(Cron cron, ZoneId zone) {
    this.cron = cron;
    this.execution = ExecutionTime.forCron(cron);
    this.zone = zone;
  }

  /** The schedule, or {@link InvalidScheduleException} saying what is wrong with either part. */
  public static CronSchedule parse(String expression, String timeZone) {
    return new CronSchedule(cron(expression), zone(timeZone));
  }

  private static Cron cron(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new InvalidScheduleException("invalid-cron", "cron is required");
    }
    if (expression.length() > MAX_LENGTH) {
      throw new InvalidScheduleException(
          "invalid-cron", "cron is longer than " + MAX_LENGTH + " characters");
    }
    int fields = expression.trim().split("\\s+").length;
    if (fields < 5 || fields > 7) {
      throw new InvalidScheduleException(
          "invalid-cron",
          "cron has "
              + fields
              + " fields; give five (Unix: minute hour day-of-month month day-of-week) or six to"
              + " seven (Quartz: second minute hour day-of-month month day-of-week [year])");
    }
    try {
      return (fields == 5 ? UNIX : QUARTZ).parse(expression.trim()).validate();
    } catch (IllegalArgumentException e) {
      throw new InvalidScheduleException(
          "invalid-cron", "cron '" + expression + "' is not valid: " + e.getMessage());
    }
  }

  private static ZoneId zone(String timeZone) {
    if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
      throw new InvalidScheduleException(
          "invalid-time-zone",
          "timeZone '" + timeZone + "' is not an IANA time zone (for example Europe/Berlin, UTC)");
    }
    return ZoneId.of(timeZone);
  }

  /** The first fire time strictly after {@code after}; null when there is none. */
  public Instant next(Instant after) {
    Instant best =
        execution.nextExecution(after.atZone(zone)).map(ZonedDateTime::toInstant).orElse(null);
    // A skipped local time maps into [change, change + gap): the change may lie just before.
    for (ZoneOffsetTransition change :
        new ZoneOffsetTransition[] {
          zone.getRules().previousTransition(after), zone.getRules().nextTransition(after)
        }) {
      Instant skipped = firstSkipped(change, after);
      if (skipped != null && (best == null || skipped.isBefore(best))) {
        best = skipped;
      }
    }
    return best;
  }

  /** The last fire time strictly before {@code before}; null when there is none. */
  public Instant previous(Instant before) {
    Instant best =
        execution.lastExecution(before.atZone(zone)).map(ZonedDateTime::toInstant).orElse(null);
    ZoneOffsetTransition change = zone.getRules().previousTransition(before);
    if (change != null && change.isGap()) {
      Instant skipped =
          execution
              .lastExecution(ZonedDateTime.of(change.getDateTimeAfter(), change.getOffsetBefore()))
              .filter(t -> !t.toLocalDateTime().isBefore(change.getDateTimeBefore()))
              .map(ZonedDateTime::toInstant)
              .filter(t -> t.isBefore(before))
              .orElse(null);
      if (skipped != null && (best == null || skipped.isAfter(best))) {
        best = skipped;
      }
    }
    return best;
  }

  /**
   * The instant of the first local time that {@code change} skips and the expression names, if it
   * is after {@code after}: the local time read with the offset before the change.
   */
  private Instant firstSkipped(ZoneOffsetTransition change, Instant after) {
    if (change == null || !change.isGap()) {
      return null;
    }
    LocalDateTime from = change.getDateTimeBefore().minusNanos(1);
    LocalDateTime latest = LocalDateTime.ofInstant(after, change.getOffsetBefore());
    if (latest.isAfter(from)) {
      from = latest;
    }
    return execution
        .nextExecution(ZonedDateTime.of(from, change.getOffsetBefore()))
        .filter(t -> t.toLocalDateTime().isBefore(change.getDateTimeAfter()))
        .map(ZonedDateTime::toInstant)
        .filter(t -> t.isAfter(after))
        .orElse(null);
  }

  /** Up to {@code count} fire times after {@code after}, oldest first. */
  public List<Instant> upcoming(Instant after, int count) {
    List<Instant> times = new ArrayList<>(count);
    Instant t = after;
    while (times.size() < count && (t = next(t)) != null) {
      times.add(t);
    }
    return times;
  }

  /** The expression in English ("every 5 minutes"), or the expression when it has no wording. */
  public String description() {
    try {
      return CronDescriptor.instance(Locale.ENGLISH).describe(cron);
    } catch (RuntimeException e) {
      return cron.asString();
    }
  }

  public ZoneId zone() {
    return zone;
  }
}
