package io.taskqueue.recurring.control;

import io.taskqueue.job.control.JobIds;
import io.taskqueue.job.control.JobInserts;
import io.taskqueue.job.control.NewJobs;
import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.NewJob;
import io.taskqueue.recurring.entity.FirePlan;
import io.taskqueue.recurring.entity.FiredRound;
import io.taskqueue.recurring.entity.OverlapPolicy;
import io.taskqueue.recurring.entity.Schedule;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Fires the schedules that are due, in the caller's transaction:
 *
 * <ol>
 *   <li>locks up to {@code batch} due schedules, skipping those another node holds;
 *   <li>plans each one's round ({@link FirePlanner}): on-time fire times, missed ones by policy;
 *   <li>skips fire times while the previous job is unfinished, when the overlap policy says so;
 *   <li>stores a job per fire time; the unique (schedule, fire time) index drops any fire time that
 *       has its job already, so a fire time never has two;
 *   <li>records the next fire time, the latest job and the latest skip.
 * </ol>
 *
 * The caller hands the returned jobs (only those stored now) to Redis after commit.
 */
public final class DueSchedules {

  /** A job fired by a schedule is recorded as submitted by this prefix and the schedule's name. */
  public static final String SUBMITTER_PREFIX = "schedule:";

  /** How long PostgreSQL waits for a firing transaction that stalled before ending it. */
  public static final Duration STALLED_ROUND = Duration.ofSeconds(10);

  private final Duration grace;
  private final int batch;
  private final Duration stalledRound;

  public DueSchedules(Duration grace, int batch) {
    this(grace, batch, STALLED_ROUND);
  }

  DueSchedules(Duration grace, int batch, Duration stalledRound) {
    this.grace = grace;
    this.batch = batch;
    this.stalledRound = stalledRound;
  }

  public FiredRound fire(Connection c) throws SQLException {
    // A node frozen mid-round (a GC pause, SIGSTOP, a VM migration) holds its schedules' locks;
    // PostgreSQL ends its session after this long idle, its round rolls back and another node
    // fires those schedules, within the grace when the freeze is short.
    ScheduleSql.limitIdleInTransaction(c, stalledRound);
    Instant now = ScheduleSql.now(c);
    List<Schedule> due = ScheduleSql.lockDue(c, now, batch);
    List<Job> stored = new ArrayList<>();
    for (Schedule schedule : due) {
      stored.addAll(fire(c, schedule, now));
    }
    return new FiredRound(due.size(), stored);
  }

  private List<Job> fire(Connection c, Schedule s, Instant now) throws SQLException {
    FirePlan plan;
    try {
      CronSchedule cron = CronSchedule.parse(s.cron(), s.timeZone());
      plan = FirePlanner.plan(cron, s.nextFireAt(), now, grace, s.misfire(), s.misfireLimit());
    } catch (RuntimeException e) {
      // Stored valid, failing now (a zone withdrawn from the JDK's data, a parser that throws):
      // stop this schedule and say why, rather than fail every round of every schedule.
      ScheduleSql.recordRound(
          c, s.name(), null, null, null, now, clip("stopped: " + e.getMessage()));
      return List.of();
    }
    Instant skippedAt = plan.missed() > 0 ? now : null;
    String skipReason = plan.missed() > 0 ? plan.missed() + " missed fire time(s) skipped" : null;
    boolean busy =
        s.overlap() == OverlapPolicy.SKIP
            && s.lastJobId() != null
            && ScheduleSql.unfinished(c, s.lastJobId());
    List<Job> jobs = new ArrayList<>();
    for (Instant fireTime : plan.fireTimes()) {
      if (busy) {
        skippedAt = fireTime;
        skipReason = "previous job unfinished (overlap: skip)";
        continue;
      }
      jobs.add(job(s.name(), s.job(), fireTime));
      busy = s.overlap() == OverlapPolicy.SKIP;
    }
    Set<UUID> ids = jobs.isEmpty() ? Set.of() : JobInserts.insertFired(c, jobs);
    List<Job> stored = jobs.stream().filter(job -> ids.contains(job.getId())).toList();
    Job latest = stored.isEmpty() ? null : stored.get(stored.size() - 1);
    ScheduleSql.recordRound(
        c,
        s.name(),
        plan.next(),
        latest == null ? null : latest.getFireTime().toInstant(),
        latest == null ? null : latest.getId(),
        skippedAt,
        skipReason);
    return stored;
  }

  private static String clip(String reason) {
    return reason.length() <= 100 ? reason : reason.substring(0, 99) + "…";
  }

  /** The schedule's job for {@code fireTime}; null for a job run by hand. */
  public static Job job(String schedule, NewJob template, Instant fireTime) {
    Job job = NewJobs.toJob(JobIds.next(), template.submittedBy(SUBMITTER_PREFIX + schedule));
    job.setSchedule(schedule, fireTime == null ? null : fireTime.atOffset(ZoneOffset.UTC));
    return job;
  }
}
