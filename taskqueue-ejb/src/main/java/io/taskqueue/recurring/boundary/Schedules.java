package io.taskqueue.recurring.boundary;

import io.taskqueue.configuration.control.TaskqueueDatabase;
import io.taskqueue.job.boundary.JobRules;
import io.taskqueue.job.boundary.JobService;
import io.taskqueue.job.control.JobInserts;
import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.SubmitRate;
import io.taskqueue.recurring.control.CronSchedule;
import io.taskqueue.recurring.control.DeclarationStore;
import io.taskqueue.recurring.control.DueSchedules;
import io.taskqueue.recurring.control.ScheduleBudget;
import io.taskqueue.recurring.control.ScheduleRules;
import io.taskqueue.recurring.control.ScheduleSql;
import io.taskqueue.recurring.entity.DeclarationRound;
import io.taskqueue.recurring.entity.DeclaredSchedule;
import io.taskqueue.recurring.entity.FiredRound;
import io.taskqueue.recurring.entity.InvalidScheduleException;
import io.taskqueue.recurring.entity.Schedule;
import io.taskqueue.recurring.entity.ScheduleRequest;
import io.taskqueue.recurring.entity.ScheduleTiming;
import io.taskqueue.store.control.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Recurring jobs: storing, changing, pausing, deleting and running schedules, and firing the due
 * ones ({@link #fireDue}, called by a background duty on every node). Each method is one JTA
 * transaction; jobs it stores reach Redis after it commits, like any other submission.
 */
@ApplicationScoped
@Transactional
public class Schedules {

  @Inject @TaskqueueDatabase DataSource dataSource;

  @Inject JobRules jobRules;
  @Inject JobService jobs;
  @Inject MetricRegistry metrics;

  /** Jobs this node's firing rounds stored; registered at once, so a dashboard sees it at 0. */
  private Counter fired;

  @PostConstruct
  void registerMetrics() {
    fired = metrics.counter("taskqueue.schedules.fired");
  }

  @Inject
  @ConfigProperty(name = "taskqueue.schedules.misfire-grace-ms", defaultValue = "60000")
  long misfireGraceMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.schedules.max-count", defaultValue = "10000")
  int maxCount;

  @Inject
  @ConfigProperty(
      name = SubmitRate.PER_SECOND_PROPERTY,
      defaultValue = SubmitRate.DEFAULT_PER_SECOND)
  double submitRate;

  @Inject
  @ConfigProperty(name = SubmitRate.BURST_PROPERTY, defaultValue = SubmitRate.DEFAULT_BURST)
  double submitBurst;

  /** The reason of the refusal to change a schedule declared in code through the API. */
  public static final String DECLARED_IN_CODE = "declared-in-code";

  /** Stores a new schedule; empty when the name is taken. */
  public Optional<Schedule> create(ScheduleRequest request, String caller) {
    return sql(
        c -> {
          Instant now = ScheduleSql.now(c);
          Schedule schedule =
              rules().check(request, request == null ? null : request.name(), caller, now, null);
          ScheduleRules.requireRoom(ScheduleSql.count(c), maxCount);
          budget().checkStored(c, schedule, now);
          return ScheduleSql.insert(c, schedule) ? Optional.of(schedule) : Optional.empty();
        });
  }

  /** Replaces a schedule's definition; its next fire time moves only when its timing changed. */
  public Optional<Schedule> update(String name, ScheduleRequest request) {
    return sql(
        c -> {
          Optional<Schedule> current = ScheduleSql.find(c, name, true);
          if (current.isEmpty()) {
            return Optional.empty();
          }
          if (current.get().declaredBy() != null) {
            throw new InvalidScheduleException(
                DECLARED_IN_CODE,
                "the schedule '"
                    + name
                    + "' is declared in code by "
                    + current.get().declaredBy()
                    + ": change it there (pausing, resuming, running and deleting it work here)");
          }
          Instant now = ScheduleSql.now(c);
          Schedule changed = rules().check(request, name, null, now, current.get());
          budget().checkStored(c, changed, now);
          ScheduleSql.update(c, changed);
          return ScheduleSql.find(c, name, false);
        });
  }

  public Optional<Schedule> find(String name) {
    return sql(c -> ScheduleSql.find(c, name, false));
  }

  public List<Schedule> list(String after, int limit) {
    return sql(c -> ScheduleSql.list(c, after, limit));
  }

  /**
   * Pauses or resumes the schedule. A resumed schedule fires from now on: fire times that passed
   * while it was paused are not made up.
   */
  public Optional<Schedule> setPaused(String name, boolean paused) {
    return sql(
        c -> {
          Optional<Schedule> current = ScheduleSql.find(c, name, true);
          if (current.isEmpty()) {
            return Optional.empty();
          }
          Schedule s = current.get();
          Instant now = ScheduleSql.now(c);
          Instant next =
              paused || !s.paused()
                  ? s.nextFireAt()
                  : CronSchedule.parse(s.cron(), s.timeZone()).next(now);
          ScheduleSql.setPaused(c, name, paused, next, now);
          return ScheduleSql.find(c, name, false);
        });
  }

  public boolean delete(String name) {
    return sql(c -> ScheduleSql.delete(c, name));
  }

  /**
   * Submits the schedule's job now, whatever its timing, pause or overlap policy say (an operator's
   * explicit request); the job links to the schedule with no fire time.
   */
  public Optional<Job> runNow(String name) {
    return sql(
        c -> {
          Optional<Schedule> schedule = ScheduleSql.find(c, name, true);
          if (schedule.isEmpty()) {
            return Optional.empty();
          }
          Job job = DueSchedules.job(name, schedule.get().job(), null);
          JobInserts.insertFired(c, List.of(job));
          ScheduleSql.recordRunNow(c, name, job.getId());
          jobs.announce(List.of(job));
          return Optional.of(job);
        });
  }

  /**
   * Stores the schedules this deployment declares in code and retires (pauses) the declared ones of
   * {@code ownTypes} it no longer declares: {@link DeclarationStore}, one node at a time.
   */
  public DeclarationRound declare(List<DeclaredSchedule> declared, Set<String> ownTypes) {
    return sql(c -> new DeclarationStore(rules(), budget(), maxCount).store(c, declared, ownTypes));
  }

  /**
   * Whether any schedule is due, read without a transaction (asked every second, on every node).
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public boolean anyDue() {
    return sql(ScheduleSql::anyDue);
  }

  /** One round of firing on this node, over at most {@code batch} due schedules. */
  public FiredRound fireDue(int batch) {
    return sql(
        c -> {
          FiredRound round = new DueSchedules(Duration.ofMillis(misfireGraceMillis), batch).fire(c);
          if (!round.jobs().isEmpty()) {
            jobs.announce(round.jobs());
            fired.inc(round.jobs().size());
          }
          return round;
        });
  }

  /**
   * When {@code cron} fires in {@code timeZone}: up to {@code count} fire times from {@code from}
   * on (inclusive), or {@link InvalidScheduleException} when either is not valid.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ScheduleTiming timing(String cron, String timeZone, Instant from, int count) {
    CronSchedule schedule = CronSchedule.parse(cron, timeZone);
    return new ScheduleTiming(
        schedule.description(), schedule.zone(), schedule.upcoming(from.minusNanos(1), count));
  }

  private ScheduleBudget budget() {
    return new ScheduleBudget(new SubmitRate(submitRate, submitBurst));
  }

  private ScheduleRules rules() {
    return new ScheduleRules(jobRules::check);
  }

  private <T> T sql(Jdbc.Work<T> work) {
    return Jdbc.on(dataSource, "store schedules", work);
  }
}
