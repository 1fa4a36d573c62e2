package io.taskqueue.recurring.control;

import io.taskqueue.job.entity.NewJob;
import io.taskqueue.job.entity.SubmitJobRequest;
import io.taskqueue.recurring.entity.InvalidScheduleException;
import io.taskqueue.recurring.entity.MisfirePolicy;
import io.taskqueue.recurring.entity.OverlapPolicy;
import io.taskqueue.recurring.entity.Schedule;
import io.taskqueue.recurring.entity.ScheduleRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a requested schedule and makes it a {@link Schedule}: its name, cron expression and time
 * zone, its job (by the submission rules, which throw their own refusals) and its policies. Every
 * refusal is an {@link InvalidScheduleException} naming the field.
 */
public final class ScheduleRules {

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

  /** {@code /api/schedules/preview} is taken. */
  static final String RESERVED = "preview";

  static final String DEFAULT_ZONE = "UTC";
  static final int DEFAULT_MISFIRE_LIMIT = 10;
  static final int MAX_MISFIRE_LIMIT = 1_000;

  private final Function<SubmitJobRequest, NewJob> jobRules;

  public ScheduleRules(Function<SubmitJobRequest, NewJob> jobRules) {
    this.jobRules = jobRules;
  }

  /**
   * The schedule {@code request} asks for, named {@code name}; {@code current} is the stored one it
   * replaces (null for a new one), whose next fire time it keeps unless the timing changed.
   */
  public Schedule check(
      ScheduleRequest request, String name, String createdBy, Instant now, Schedule current) {
    if (request == null) {
      throw invalid("a schedule is required: name, cron, timeZone and job");
    }
    if (name == null || !NAME.matcher(name).matches() || name.equals(RESERVED)) {
      throw invalid("name must be 1 to 100 letters, digits, '.', '_' or '-', and not 'preview'");
    }
    if (request.name() != null && !request.name().equals(name)) {
      throw invalid("name cannot change (it is '" + name + "'); create a new schedule instead");
    }
    String zone = request.timeZone() == null ? DEFAULT_ZONE : request.timeZone();
    CronSchedule cron = CronSchedule.parse(request.cron(), zone);
    NewJob job = job(request.job());
    OverlapPolicy overlap =
        request.overlap() == null
            ? OverlapPolicy.ALLOW
            : OverlapPolicy.fromWireName(request.overlap())
                .orElseThrow(() -> invalid("overlap must be 'allow' or 'skip'"));
    MisfirePolicy misfire =
        request.misfire() == null
            ? MisfirePolicy.SKIP
            : MisfirePolicy.fromWireName(request.misfire())
                .orElseThrow(() -> invalid("misfire must be 'skip', 'fire-once' or 'fire-all'"));
    int limit = request.misfireLimit() == null ? DEFAULT_MISFIRE_LIMIT : request.misfireLimit();
    if (limit < 1 || limit > MAX_MISFIRE_LIMIT) {
      throw invalid("misfireLimit must be between 1 and " + MAX_MISFIRE_LIMIT);
    }
    boolean paused =
        request.paused() != null ? request.paused() : current != null && current.paused();
    boolean sameTiming =
        current != null
            && current.cron().equals(request.cron().trim())
            && current.timeZone().equals(zone)
            && !current.paused()
            && !paused
            && current.nextFireAt() != null;
    Instant next = sameTiming ? current.nextFireAt() : cron.next(now);
    if (next == null) {
      throw new InvalidScheduleException(
          "invalid-cron", "cron '" + request.cron() + "' never fires after now");
    }
    return new Schedule(
        name,
        request.cron().trim(),
        zone,
        job,
        overlap,
        misfire,
        limit,
        paused,
        next,
        current == null ? null : current.lastFireAt(),
        current == null ? null : current.lastJobId(),
        current == null ? null : current.lastSkipAt(),
        current == null ? null : current.lastSkipReason(),
        current == null ? createdBy : current.createdBy(),
        current == null ? now : current.createdAt(),
        now,
        current == null ? null : current.declaredBy(),
        current == null ? null : current.retiredAt());
  }

  /** Refuses one more schedule when {@code stored} are already as many as {@code max}. */
  public static void requireRoom(long stored, int max) {
    if (stored >= max) {
      throw new InvalidScheduleException(
          "too-many-schedules", "there are " + max + " schedules, the most allowed");
    }
  }

  private NewJob job(SubmitJobRequest job) {
    if (job == null) {
      throw invalid("job is required: the job to submit at each fire time (type, payload, ...)");
    }
    if (job.runAt() != null || job.delayMs() != null) {
      throw invalid("job cannot have runAt or delayMs: the schedule says when it runs");
    }
    return Objects.requireNonNull(jobRules.apply(job));
  }

  private static InvalidScheduleException invalid(String message) {
    return new InvalidScheduleException("invalid-schedule", message);
  }
}
