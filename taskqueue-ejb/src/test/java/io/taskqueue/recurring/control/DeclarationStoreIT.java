package io.taskqueue.recurring.control;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.job.control.EmptyDatabases;
import io.taskqueue.job.entity.NewJob;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.RetryPolicy;
import io.taskqueue.job.entity.SubmitJobRequest;
import io.taskqueue.job.entity.SubmitRate;
import io.taskqueue.recurring.entity.DeclarationRound;
import io.taskqueue.recurring.entity.DeclaredSchedule;
import io.taskqueue.recurring.entity.Schedule;
import io.taskqueue.recurring.entity.ScheduleRequest;
import io.taskqueue.schema.control.SchemaMigrations;
import jakarta.json.Json;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Storing schedules declared in code on a real PostgreSQL, each "deployment" a transaction of its
 * own: redeploying the same code changes nothing, a changed declaration changes the schedule, one
 * no longer declared is paused (and only by a deployment that runs its type) and resumes when
 * declared again, operators' pauses survive redeploys, and two nodes booting together store each
 * schedule once.
 */
class DeclarationStoreIT {

  private static final String REPORTS = "com.example.NightlyReport";
  private static final String MAILS = "com.example.Mailer";

  private PGSimpleDataSource db;

  @BeforeEach
  void freshDatabase() throws SQLException {
    db = EmptyDatabases.create("declared_schedules");
    SchemaMigrations.migrate(db);
  }

  @Test
  void redeployingTheSameDeclarationsChangesNothingAndAChangedCronMovesTheNextFireTime()
      throws Exception {
    DeclaredSchedule nightly = declared(REPORTS, "nightly", "report", "30 2 * * *", "{\"a\": 1}");

    DeclarationRound first = deploy(List.of(nightly), Set.of("report"));
    assertEquals(List.of("nightly"), first.created());
    Schedule stored = schedule("nightly");
    assertEquals(REPORTS, stored.declaredBy());
    assertEquals(DeclarationStore.CODE_OWNER, stored.createdBy());
    assertFalse(stored.paused());

    DeclarationRound again = deploy(List.of(nightly), Set.of("report"));
    assertEquals(List.of("nightly"), again.unchanged(), "PostgreSQL's spelling of the payload");
    assertEquals(stored, schedule("nightly"), "not even its updated time");

    DeclarationRound changed =
        deploy(
            List.of(declared(REPORTS, "nightly", "report", "45 3 * * *", "{\"a\": 1}")),
            Set.of("report"));
    assertEquals(List.of("nightly"), changed.changed());
    Schedule moved = schedule("nightly");
    assertEquals("45 3 * * *", moved.cron());
    assertNotEquals(stored.nextFireAt(), moved.nextFireAt());
    assertEquals(stored.createdAt(), moved.createdAt());
  }

  @Test
  void aScheduleNoLongerDeclaredIsPausedByADeploymentOfItsTypeOnlyAndResumesWhenDeclaredAgain()
      throws Exception {
    DeclaredSchedule nightly = declared(REPORTS, "nightly", "report", "30 2 * * *", "{}");
    DeclaredSchedule digest = declared(MAILS, "digest", "mail", "0 8 * * *", "{}");
    deploy(List.of(nightly, digest), Set.of("report", "mail"));
    storeFromApi("by-hand", "report");

    DeclarationRound otherTypes = deploy(List.of(), Set.of("image"));
    assertEquals(List.of(), otherTypes.retired(), "a node without these handlers judges nothing");

    DeclarationRound withoutNightly = deploy(List.of(digest), Set.of("report", "mail"));
    assertEquals(List.of("nightly"), withoutNightly.retired());
    Schedule retired = schedule("nightly");
    assertTrue(retired.paused(), "paused, not deleted");
    assertNotNull(retired.retiredAt());
    assertFalse(schedule("digest").paused());
    assertFalse(schedule("by-hand").paused(), "a schedule made through the API is not code's");

    assertEquals(List.of(), deploy(List.of(digest), Set.of("report", "mail")).retired());

    DeclarationRound back = deploy(List.of(nightly, digest), Set.of("report", "mail"));
    assertEquals(List.of("nightly"), back.changed());
    Schedule resumed = schedule("nightly");
    assertFalse(resumed.paused());
    assertNull(resumed.retiredAt());
    assertNotNull(resumed.nextFireAt());
  }

  @Test
  void anOperatorsPauseSurvivesARedeployAndADeclarationTakesOverAnApiScheduleOfItsName()
      throws Exception {
    DeclaredSchedule nightly = declared(REPORTS, "nightly", "report", "30 2 * * *", "{}");
    deploy(List.of(nightly), Set.of("report"));
    try (Connection c = db.getConnection()) {
      ScheduleSql.setPaused(
          c, "nightly", true, schedule("nightly").nextFireAt(), ScheduleSql.now(c));
    }
    assertEquals(List.of("nightly"), deploy(List.of(nightly), Set.of("report")).unchanged());
    assertTrue(schedule("nightly").paused(), "the operator's pause stands");

    storeFromApi("weekly", "report");
    DeclarationRound takeOver =
        deploy(
            List.of(nightly, declared(REPORTS, "weekly", "report", "0 0 * * 1", "{}")),
            Set.of("report"));
    assertEquals(List.of("weekly"), takeOver.changed());
    Schedule weekly = schedule("weekly");
    assertEquals(REPORTS, weekly.declaredBy());
    assertEquals("0 0 * * 1", weekly.cron());
    assertEquals("operator", weekly.createdBy(), "its history stays");
  }

  @Test
  void twoNodesBootingTogetherStoreEachScheduleOnce() throws Exception {
    List<DeclaredSchedule> declared = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      declared.add(declared(REPORTS, "s-" + i, "report", "0 " + i + " * * *", "{}"));
    }
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Future<DeclarationRound>> rounds = new ArrayList<>();
    for (int n = 0; n < 2; n++) {
      rounds.add(
          nodes.submit(
              () -> {
                together.await(10, SECONDS);
                return deploy(declared, Set.of("report"));
              }));
    }
    DeclarationRound a = rounds.get(0).get(30, SECONDS);
    DeclarationRound b = rounds.get(1).get(30, SECONDS);
    nodes.shutdown();
    assertEquals(20, a.created().size() + b.created().size(), "each created once");
    assertEquals(20, a.unchanged().size() + b.unchanged().size(), "and found by the other");
    try (Connection c = db.getConnection()) {
      assertEquals(20, ScheduleSql.count(c));
    }
  }

  @Test
  void aDeclarationPastTheScheduleLimitIsRefusedAndTheOthersAreStored() throws Exception {
    DeclarationStore small = store(2);
    List<DeclaredSchedule> three =
        List.of(
            declared(REPORTS, "one", "report", "0 1 * * *", "{}"),
            declared(REPORTS, "two", "report", "0 2 * * *", "{}"),
            declared(REPORTS, "three", "report", "0 3 * * *", "{}"));

    DeclarationRound round = deploy(small, three, Set.of("report"));

    assertEquals(List.of("one", "two"), round.created());
    assertEquals(List.of("three"), round.refused());
  }

  private DeclarationRound deploy(List<DeclaredSchedule> declared, Set<String> ownTypes)
      throws SQLException {
    return deploy(store(10_000), declared, ownTypes);
  }

  private DeclarationRound deploy(
      DeclarationStore store, List<DeclaredSchedule> declared, Set<String> ownTypes)
      throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      DeclarationRound round = store.store(c, declared, ownTypes);
      c.commit();
      return round;
    }
  }

  private static DeclarationStore store(int maxCount) {
    return new DeclarationStore(
        new ScheduleRules(DeclarationStoreIT::checked),
        new ScheduleBudget(new SubmitRate(0, 1)),
        maxCount);
  }

  /** As the submission rules give a job without its submitter's choices. */
  private static NewJob checked(SubmitJobRequest job) {
    return new NewJob(
        job.type(), job.payload().toString(), Priority.MEDIUM, 4, null, RetryPolicy.DEFAULTS, null);
  }

  private static DeclaredSchedule declared(
      String handlerClass, String name, String type, String cron, String payload) {
    return new DeclaredSchedule(
        handlerClass,
        new ScheduleRequest(
            name,
            cron,
            "Europe/Berlin",
            new SubmitJobRequest(
                type,
                Json.createReader(new StringReader(payload)).readObject(),
                null,
                null,
                null,
                null,
                null,
                null),
            null,
            null,
            null,
            null));
  }

  private void storeFromApi(String name, String type) throws SQLException {
    try (Connection c = db.getConnection()) {
      ScheduleSql.insert(
          c,
          new ScheduleRules(DeclarationStoreIT::checked)
              .check(
                  new ScheduleRequest(
                      name,
                      "0 12 * * *",
                      null,
                      new SubmitJobRequest(
                          type,
                          Json.createObjectBuilder().build(),
                          null,
                          null,
                          null,
                          null,
                          null,
                          null),
                      null,
                      null,
                      null,
                      null),
                  name,
                  "operator",
                  ScheduleSql.now(c),
                  null));
    }
  }

  private Schedule schedule(String name) throws SQLException {
    try (Connection c = db.getConnection()) {
      return ScheduleSql.find(c, name, false).orElseThrow();
    }
  }
}
