package io.taskqueue.recurring.control;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.field.CronFieldName;
import com.cronutils.model.field.expression.Always;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.taskqueue.recurring.entity.InvalidScheduleException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A cron expression in a time zone, parsed by cron-utils: five fields are Unix cron (minute
 * resolution), six or seven are Quartz (seconds first, optional year). Fire times are whole
 * seconds.
 *
 * <p>One rule decides which instants fire, and {@link #next} and {@link #previous} both walk that
 * same set, so on-time firing, catch-up and previews always agree. The expression is matched
 * against wall-clock times in the zone; each matching wall-clock time fires at:
 *
 * <ul>
 *   <li>its instant, when it occurs once;
 *   <li>when clocks go back and it occurs twice: its first occurrence only, unless the expression
 *       fires every hour (its hour field is {@code *}), which then fires in both repeated hours, as
 *       elapsed time asks (Vixie cron's rule);
 *   <li>when clocks go forward and it does not occur: the instant it would have had, that is the
 *       wall-clock time shifted by the gap (02:30 becomes 03:30), so a daily job still runs once
 *       that day. Two wall-clock times that land on one instant fire once.
 * </ul>
 */
public final class CronSchedule {

  private static final CronParser UNIX =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final CronParser QUARTZ =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
  static final int MAX_LENGTH = 200;

  /** Wall-clock times are matched as if in UTC: a fixed offset, so every one of them exists. */
  private static final ZoneOffset WALL = ZoneOffset.UTC;

  private final Cron cron;
  private final ExecutionTime execution;
  private final ZoneId zone;
  private final boolean everyHour;

  private CronSchedule(Cron cron, ZoneId zone) {
    this.cron = cron;
    this.execution = ExecutionTime.forCron(cron);
    this.zone = zone;
    this.everyHour = cron.retrieve(CronFieldName.HOUR).getExpression() instanceof Always;
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
    Instant from = after.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    // A wall-clock time before from's may fire after it near a change (a skipped time shifted
    // forward, a repeated one's second occurrence): start that much earlier there.
    LocalDateTime wall = wallClock(from).minus(shiftNear(from)).minusSeconds(1);
    Instant best = null;
    while ((wall = nextWall(wall)) != null) {
      if (best != null && wall.isAfter(wallClock(best).plus(shiftNear(best)))) {
        break;
      }
      for (Instant t : instantsOf(wall)) {
        if (!t.isBefore(from) && (best == null || t.isBefore(best))) {
          best = t;
        }
      }
    }
    return best;
  }

  /** The last fire time strictly before {@code before}; null when there is none. */
  public Instant previous(Instant before) {
    Instant truncated = before.truncatedTo(ChronoUnit.SECONDS);
    Instant upTo = truncated.equals(before) ? before.minusSeconds(1) : truncated;
    LocalDateTime wall = wallClock(upTo).plus(shiftNear(upTo)).plusSeconds(1);
    Instant best = null;
    while ((wall = previousWall(wall)) != null) {
      if (best != null && wall.isBefore(wallClock(best).minus(shiftNear(best)))) {
        break;
      }
      for (Instant t : instantsOf(wall)) {
        if (!t.isAfter(upTo) && (best == null || t.isAfter(best))) {
          best = t;
        }
      }
    }
    return best;
  }

  /** The instants a matching wall-clock time fires at, by the rule in the class comment. */
  List<Instant> instantsOf(LocalDateTime wall) {
    List<ZoneOffset> offsets = zone.getRules().getValidOffsets(wall);
    if (offsets.isEmpty()) {
      ZoneOffsetTransition gap = zone.getRules().getTransition(wall);
      return List.of(wall.toInstant(gap.getOffsetBefore()));
    }
    if (offsets.size() == 2 && everyHour) {
      return List.of(wall.toInstant(offsets.get(0)), wall.toInstant(offsets.get(1)));
    }
    return List.of(ZonedDateTime.ofLocal(wall, zone, null).toInstant());
  }

  /**
   * How far the order of wall-clock times and of their instants can differ around {@code t}: the
   * size of a change of offset near it, else nothing.
   */
  private Duration shiftNear(Instant t) {
    Duration shift = Duration.ZERO;
    for (ZoneOffsetTransition change :
        new ZoneOffsetTransition[] {
          zone.getRules().previousTransition(t.plusNanos(1)), zone.getRules().nextTransition(t)
        }) {
      if (change != null) {
        Duration size = change.getDuration().abs();
        Duration away = Duration.between(change.getInstant(), t).abs();
        if (away.compareTo(size.multipliedBy(2).plusMinutes(1)) <= 0 && size.compareTo(shift) > 0) {
          shift = size;
        }
      }
    }
    return shift;
  }

  private LocalDateTime wallClock(Instant t) {
    return LocalDateTime.ofInstant(t, zone);
  }

  private LocalDateTime nextWall(LocalDateTime after) {
    return execution
        .nextExecution(after.atZone(WALL))
        .map(t -> t.toLocalDateTime().truncatedTo(ChronoUnit.SECONDS))
        .orElse(null);
  }

  private LocalDateTime previousWall(LocalDateTime before) {
    return execution
        .lastExecution(before.atZone(WALL))
        .map(t -> t.toLocalDateTime().truncatedTo(ChronoUnit.SECONDS))
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
