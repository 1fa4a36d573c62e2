package io.taskqueue.recurring.control;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.job.control.EmptyDatabases;
import io.taskqueue.job.control.TestSql;
import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.NewJob;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.recurring.entity.FiredRound;
import io.taskqueue.recurring.entity.MisfirePolicy;
import io.taskqueue.recurring.entity.OverlapPolicy;
import io.taskqueue.recurring.entity.Schedule;
import io.taskqueue.recurring.entity.ScheduleDemand;
import io.taskqueue.schema.control.SchemaMigrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Firing schedules on a real PostgreSQL, with each "node" a connection of its own running the
 * engine's firing round: nodes racing, a node frozen in the middle of its round, a fire time fired
 * again from a stale next fire time, misfires after every node was down, overlap and pause.
 */
class ScheduleFiringIT {

  private static final Duration GRACE = Duration.ofSeconds(60);
  private static final String EVERY_SECOND = "* * * * * ?";

  private PGSimpleDataSource db;

  @BeforeEach
  void freshDatabase() throws SQLException {
    db = EmptyDatabases.create("schedule_firing");
    SchemaMigrations.migrate(db);
  }

  @Test
  void threeNodesRacingFireEveryFireTimeExactlyOnceAndEachAnnouncesOnlyWhatItStored()
      throws Exception {
    Instant start = dbNow().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3);
    for (int i = 0; i < 30; i++) {
      store("race-" + i, EVERY_SECOND, OverlapPolicy.ALLOW, MisfirePolicy.SKIP, 10, start);
    }
    CyclicBarrier together = new CyclicBarrier(3);
    ExecutorService nodes = Executors.newFixedThreadPool(3);
    List<Future<List<UUID>>> announced = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      announced.add(
          nodes.submit(
              () -> {
                List<UUID> mine = new ArrayList<>();
                together.await(10, SECONDS);
                long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                while (System.nanoTime() < until) {
                  // Small batches, so that the three nodes interleave over the thirty schedules.
                  mine.addAll(
                      round(new DueSchedules(GRACE, 4)).jobs().stream().map(Job::getId).toList());
                }
                return mine;
              }));
    }
    List<UUID> all = new ArrayList<>();
    for (Future<List<UUID>> node : announced) {
      List<UUID> ids = node.get(30, SECONDS);
      assertFalse(ids.isEmpty(), "every node fired some schedules");
      all.addAll(ids);
    }
    nodes.shutdown();
    assertEquals(all.size(), new HashSet<>(all).size(), "no job announced by two nodes");
    assertEquals(all.size(), count("SELECT count(*) FROM jobs"), "every stored job was announced");
    for (int i = 0; i < 30; i++) {
      List<Instant> fired = fireTimes("race-" + i);
      Instant next = schedule("race-" + i).nextFireAt();
      assertEquals(start, fired.get(0), "the first fire time fired");
      for (int k = 1; k < fired.size(); k++) {
        assertEquals(fired.get(k - 1).plusSeconds(1), fired.get(k), "no second missing or twice");
      }
      assertEquals(fired.get(fired.size() - 1).plusSeconds(1), next, "the next one is waiting");
    }
  }

  @Test
  void aNodeFrozenInItsRoundIsEndedByPostgresAndAnotherNodeFiresThoseFireTimesOnce()
      throws Exception {
    Instant due = dbNow().truncatedTo(ChronoUnit.SECONDS).minusSeconds(2);
    store("frozen", EVERY_SECOND, OverlapPolicy.ALLOW, MisfirePolicy.SKIP, 10, due);
    Connection frozen = db.getConnection();
    frozen.setAutoCommit(false);
    FiredRound held = new DueSchedules(GRACE, 10, Duration.ofSeconds(1)).fire(frozen);
    assertTrue(held.jobs().size() >= 2, "the frozen node stored jobs it never commits");

    assertEquals(0, round(new DueSchedules(GRACE, 10)).schedules(), "locked: skipped, not waited");
    List<UUID> fired = new ArrayList<>();
    await()
        .atMost(20, SECONDS)
        .until(
            () -> {
              fired.addAll(
                  round(new DueSchedules(GRACE, 10)).jobs().stream().map(Job::getId).toList());
              return !fired.isEmpty();
            });
    assertThrows(SQLException.class, frozen::commit, "its session was ended");
    List<Instant> times = fireTimes("frozen");
    assertEquals(due, times.get(0));
    assertEquals(times.size(), new HashSet<>(times).size());
    for (Job job : held.jobs()) {
      assertEquals(
          1,
          count("SELECT count(*) FROM jobs WHERE fire_time = '" + job.getFireTime() + "'"),
          "the frozen node's fire time " + job.getFireTime() + " fired once, by the other node");
    }
  }

  @Test
  void aFireTimeThatHasItsJobGetsNoSecondOneEvenWhenTheScheduleIsFiredFromAStaleNextFireTime()
      throws Exception {
    Instant due = dbNow().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
    store("stale", EVERY_SECOND, OverlapPolicy.ALLOW, MisfirePolicy.SKIP, 10, due);
    List<Job> first = round(new DueSchedules(GRACE, 10)).jobs();
    assertFalse(first.isEmpty());
    // As a node with an old copy of the schedule (or an edit racing a round) would have it.
    execute("UPDATE schedules SET next_fire_at = '" + due.atOffset(ZoneOffset.UTC) + "'");

    List<Job> again = round(new DueSchedules(GRACE, 10)).jobs();

    Set<Instant> firstTimes = new HashSet<>();
    first.forEach(j -> firstTimes.add(j.getFireTime().toInstant()));
    assertTrue(
        again.stream().noneMatch(j -> firstTimes.contains(j.getFireTime().toInstant())),
        "no fire time of the first round is announced again");
    List<Instant> times = fireTimes("stale");
    assertEquals(times.size(), new HashSet<>(times).size(), "each fire time has one job");
    assertTrue(schedule("stale").nextFireAt().isAfter(times.get(times.size() - 1)));
  }

  @Test
  void missedFireTimesAfterEveryNodeWasDownFollowEachMisfirePolicy() throws Exception {
    // A daily fire time twelve hours away from now: ten of them passed while "every node was down".
    Instant now = dbNow();
    int hour = (now.atOffset(ZoneOffset.UTC).getHour() + 12) % 24;
    String daily = "0 " + hour + " * * *";
    CronSchedule cron = CronSchedule.parse(daily, "UTC");
    List<Instant> missed = new ArrayList<>();
    for (Instant t = cron.previous(now); missed.size() < 10; t = cron.previous(t)) {
      missed.add(0, t);
    }
    store("skip", daily, OverlapPolicy.ALLOW, MisfirePolicy.SKIP, 10, missed.get(0));
    store("once", daily, OverlapPolicy.ALLOW, MisfirePolicy.FIRE_ONCE, 10, missed.get(0));
    store("three", daily, OverlapPolicy.ALLOW, MisfirePolicy.FIRE_ALL, 3, missed.get(0));
    store("all", daily, OverlapPolicy.ALLOW, MisfirePolicy.FIRE_ALL, 1000, missed.get(0));

    assertEquals(4, round(new DueSchedules(GRACE, 10)).schedules());

    assertEquals(List.of(), fireTimes("skip"));
    assertEquals("10 missed fire time(s) skipped", schedule("skip").lastSkipReason());
    assertEquals(List.of(missed.get(9)), fireTimes("once"));
    assertEquals("9 missed fire time(s) skipped", schedule("once").lastSkipReason());
    assertEquals(missed.subList(7, 10), fireTimes("three"));
    assertEquals(missed, fireTimes("all"));
    assertNull(schedule("all").lastSkipReason());
    for (String name : List.of("skip", "once", "three", "all")) {
      assertEquals(cron.next(now), schedule(name).nextFireAt(), name + " waits for the next one");
    }
    assertEquals(0, round(new DueSchedules(GRACE, 10)).schedules(), "nothing due any more");
  }

  @Test
  void overlapSkipSubmitsNothingWhileThePreviousJobIsUnfinished() throws Exception {
    Instant due = dbNow().truncatedTo(ChronoUnit.SECONDS);
    store("single", EVERY_SECOND, OverlapPolicy.SKIP, MisfirePolicy.SKIP, 10, due.minusSeconds(2));
    List<Job> first = round(new DueSchedules(GRACE, 10)).jobs();
    assertEquals(1, first.size(), "one job even for several due fire times");
    assertEquals(first.get(0).getId(), schedule("single").lastJobId());

    await().atMost(10, SECONDS).until(() -> round(new DueSchedules(GRACE, 10)).schedules() == 1);
    assertEquals(1, fireTimes("single").size(), "skipped while the first job is queued");
    assertEquals("previous job unfinished (overlap: skip)", schedule("single").lastSkipReason());

    execute("UPDATE jobs SET status = 'COMPLETED', finished_at = now()");
    await().atMost(10, SECONDS).until(() -> !round(new DueSchedules(GRACE, 10)).jobs().isEmpty());
    assertEquals(2, fireTimes("single").size(), "fires again once the previous job finished");
  }

  @Test
  void aPausedScheduleDoesNotFire() throws Exception {
    store(
        "paused",
        EVERY_SECOND,
        OverlapPolicy.ALLOW,
        MisfirePolicy.FIRE_ALL,
        10,
        dbNow().minusSeconds(5));
    execute("UPDATE schedules SET paused = true");
    assertEquals(0, round(new DueSchedules(GRACE, 10)).schedules());
    assertEquals(0, count("SELECT count(*) FROM jobs"));
  }

  private FiredRound round(DueSchedules firing) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      FiredRound round = firing.fire(c);
      c.commit();
      return round;
    }
  }

  @Test
  void theBudgetCountsTheOwnersOtherSchedulesAndHoldsOffAConcurrentChangeOfTheSameOwner()
      throws SQLException {
    Instant next = dbNow().plusSeconds(60);
    store("mine-every-second", EVERY_SECOND, OverlapPolicy.ALLOW, MisfirePolicy.FIRE_ALL, 7, next);
    store("mine-changed", EVERY_SECOND, OverlapPolicy.ALLOW, MisfirePolicy.SKIP, 1, next);
    storeOwned("theirs", "other", next);
    try (Connection c = db.getConnection();
        Connection other = db.getConnection()) {
      c.setAutoCommit(false);
      List<ScheduleDemand> demands = ScheduleSql.lockBudget(c, "test", "mine-changed", dbNow());
      assertEquals(
          List.of("mine-every-second"), demands.stream().map(ScheduleDemand::name).toList());
      assertEquals(1.0, demands.get(0).firesPerSecond(), 1e-9);
      assertEquals(7, demands.get(0).catchUpJobs());

      other.setAutoCommit(false);
      try (Statement s = other.createStatement()) {
        s.execute("SET lock_timeout = '300ms'");
      }
      assertEquals(1, ScheduleSql.lockBudget(other, "other", "x", dbNow()).size());
      SQLException waited =
          assertThrows(
              SQLException.class, () -> ScheduleSql.lockBudget(other, "test", "x", dbNow()));
      assertEquals("55P03", waited.getSQLState(), "lock_not_available: it waited for the owner");
      other.rollback();
      c.rollback();
    }
  }

  private void storeOwned(String name, String owner, Instant next) throws SQLException {
    try (Connection c = db.getConnection()) {
      Instant now = Instant.now();
      assertTrue(
          ScheduleSql.insert(
              c,
              new Schedule(
                  name,
                  EVERY_SECOND,
                  "UTC",
                  new NewJob("noop", "{}", Priority.MEDIUM, 3),
                  OverlapPolicy.ALLOW,
                  MisfirePolicy.SKIP,
                  1,
                  false,
                  next,
                  null,
                  null,
                  null,
                  null,
                  owner,
                  now,
                  now,
                  null,
                  null)));
    }
  }

  private void store(
      String name,
      String cron,
      OverlapPolicy overlap,
      MisfirePolicy misfire,
      int limit,
      Instant next)
      throws SQLException {
    Instant now = Instant.now();
    try (Connection c = db.getConnection()) {
      assertTrue(
          ScheduleSql.insert(
              c,
              new Schedule(
                  name,
                  cron,
                  "UTC",
                  new NewJob("noop", "{}", Priority.MEDIUM, 3),
                  overlap,
                  misfire,
                  limit,
                  false,
                  next,
                  null,
                  null,
                  null,
                  null,
                  "test",
                  now,
                  now,
                  null,
                  null)));
    }
  }

  private Schedule schedule(String name) throws SQLException {
    try (Connection c = db.getConnection()) {
      return ScheduleSql.find(c, name, false).orElseThrow();
    }
  }

  private List<Instant> fireTimes(String schedule) throws SQLException {
    List<Instant> times = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT fire_time FROM jobs WHERE schedule_name = ? ORDER BY fire_time")) {
      s.setString(1, schedule);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          times.add(r.getTimestamp(1).toInstant());
        }
      }
    }
    return Collections.unmodifiableList(times);
  }

  private Instant dbNow() throws SQLException {
    try (Connection c = db.getConnection()) {
      return ScheduleSql.now(c);
    }
  }

  private long count(String sql) throws SQLException {
    return TestSql.number(db, sql);
  }

  private void execute(String sql) throws SQLException {
    TestSql.execute(db, sql);
  }
}
