package io.taskqueue.workflow.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.job.control.CancelledDependents;
import io.taskqueue.job.control.EmptyDatabases;
import io.taskqueue.job.control.TestSql;
import io.taskqueue.schema.control.SchemaMigrations;
import io.taskqueue.workflow.entity.PendingRelease;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The dependency trigger (V12) and the release statements on a real PostgreSQL: a child is marked
 * once, when its last parent completes, however the parents' transactions interleave; failed
 * parents cancel or count by policy; cancelling travels down; a parent ending twice counts once.
 */
class DependencyReleaseIT {

  private PGSimpleDataSource db;

  @BeforeEach
  void freshDatabase() throws SQLException {
    db = EmptyDatabases.create("dependencies");
    SchemaMigrations.migrate(db);
  }

  @Test
  void aChildIsMarkedOnceWhenItsLastParentCompletesAndReleasedOnce() throws SQLException {
    UUID p1 = job("RUNNING", 0, true, "CANCEL");
    UUID p2 = job("RUNNING", 0, true, "CANCEL");
    UUID child = job("WAITING", 2, false, "CANCEL");
    depend(child, p1, p2);

    end(p1, "COMPLETED");
    assertEquals(Map.of(), marks(), "one parent left");
    end(p2, "COMPLETED");
    assertEquals(Map.of(child, "RELEASE"), marks());

    try (Connection c = db.getConnection()) {
      assertEquals(List.of(child), DependencySql.release(c, List.of(child)));
      assertEquals(List.of(), DependencySql.release(c, List.of(child)), "released once");
    }
    assertEquals("QUEUED", status(child));
    assertEquals(
        1,
        number(
            "SELECT count(*) FROM jobs WHERE id = '"
                + child
                + "' AND scheduled_at > created_at AND scheduled_at <= now()"),
        "due from its release, so its wait is measured from there");
  }

  @Test
  void parentsCompletingInConcurrentTransactionsReleaseEveryChildExactlyOnce() throws Exception {
    int children = 60;
    List<UUID> left = new ArrayList<>();
    List<UUID> right = new ArrayList<>();
    List<UUID> kids = new ArrayList<>();
    for (int i = 0; i < children; i++) {
      UUID a = job("RUNNING", 0, true, "CANCEL");
      UUID b = job("RUNNING", 0, true, "CANCEL");
      UUID child = job("WAITING", 2, false, "CANCEL");
      depend(child, a, b);
      left.add(a);
      right.add(b);
      kids.add(child);
    }
    // Two "nodes" each complete one parent of every child, one transaction per parent, at once.
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Future<?>> done = new ArrayList<>();
    for (List<UUID> parents : List.of(left, right)) {
      done.add(
          nodes.submit(
              () -> {
                together.await(10, TimeUnit.SECONDS);
                for (UUID parent : parents) {
                  end(parent, "COMPLETED");
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    nodes.shutdown();
    Map<UUID, String> marks = marks();
    assertEquals(children, marks.size(), "every child marked");
    assertTrue(kids.stream().allMatch(k -> "RELEASE".equals(marks.get(k))));
    assertEquals(0, number("SELECT count(*) FROM jobs WHERE waiting_for <> 0"), "counted to zero");
  }

  @Test
  void aFailedParentCancelsAChildThatCancelsAndCountsForOneThatRunsAnyway() throws SQLException {
    UUID parent = job("RUNNING", 0, true, "CANCEL");
    UUID cancels = job("WAITING", 1, false, "CANCEL");
    UUID runs = job("WAITING", 1, false, "RUN_ANYWAY");
    depend(cancels, parent);
    depend(runs, parent);
    end(parent, "DEAD");
    assertEquals(Map.of(cancels, "CANCEL", runs, "RELEASE"), marks());
  }

  @Test
  void cancellingAWaitingJobMarksItsOwnChildrenInTurn() throws SQLException {
    UUID root = job("RUNNING", 0, true, "CANCEL");
    UUID middle = job("WAITING", 1, true, "CANCEL");
    UUID leaf = job("WAITING", 1, false, "CANCEL");
    depend(middle, root);
    depend(leaf, middle);
    end(root, "CANCELLED");
    assertEquals(Map.of(middle, "CANCEL"), marks());

    try (Connection c = db.getConnection()) {
      assertEquals(
          List.of(middle), DependencySql.cancelForParent(c, List.of(middle), Instant.now()));
      DependencySql.deleteReleases(c, List.of(middle));
    }
    assertEquals(Map.of(leaf, "CANCEL"), marks());
    assertEquals("CANCELLED", status(middle));
  }

  @Test
  void aParentRunAgainAfterItDiedDoesNotCountTwice() throws SQLException {
    UUID first = job("RUNNING", 0, true, "CANCEL");
    UUID second = job("RUNNING", 0, true, "CANCEL");
    UUID child = job("WAITING", 2, false, "RUN_ANYWAY");
    depend(child, first, second);
    end(first, "DEAD");
    end(first, "QUEUED"); // an operator runs it again
    end(first, "RUNNING");
    end(first, "COMPLETED");
    assertEquals(Map.of(), marks(), "still waiting for the second parent");
    assertEquals(1, number("SELECT waiting_for FROM jobs WHERE id = '" + child + "'"));
    end(second, "COMPLETED");
    assertEquals(Map.of(child, "RELEASE"), marks());
  }

  @Test
  void aParentRetriedWithItsDependentsPutsTheLineItCancelledBackAndReleasesItOnceItCompletes()
      throws SQLException {
    UUID root = job("RUNNING", 0, true, "CANCEL");
    UUID done = job("RUNNING", 0, true, "CANCEL");
    UUID middle = job("WAITING", 2, true, "CANCEL");
    UUID leaf = job("WAITING", 1, false, "CANCEL");
    UUID anyway = job("WAITING", 1, false, "RUN_ANYWAY");
    depend(middle, root, done);
    depend(leaf, middle);
    depend(anyway, root);
    end(done, "COMPLETED");
    end(root, "DEAD");
    cancelAsTheEngineDoes(middle);
    cancelAsTheEngineDoes(leaf);
    execute("DELETE FROM job_releases");
    end(root, "QUEUED"); // the operator's retry, in the same transaction as what follows

    List<UUID> back;
    try (Connection c = db.getConnection()) {
      back = CancelledDependents.rewait(c, root);
    }

    assertEquals(Set.of(middle, leaf), Set.copyOf(back));
    assertEquals("WAITING", status(middle));
    assertEquals(1, number("SELECT waiting_for FROM jobs WHERE id = '" + middle + "'"));
    assertEquals(1, number("SELECT waiting_for FROM jobs WHERE id = '" + leaf + "'"));
    end(root, "RUNNING");
    end(root, "COMPLETED");
    assertEquals(Map.of(middle, "RELEASE"), marks(), "the ran-anyway child is not marked again");
  }

  private void cancelAsTheEngineDoes(UUID job) throws SQLException {
    try (Connection c = db.getConnection()) {
      assertEquals(List.of(job), DependencySql.cancelForParent(c, List.of(job), Instant.now()));
    }
  }

  @Test
  void takingReleasesSkipsThoseAnotherNodeHolds() throws SQLException {
    UUID parent = job("RUNNING", 0, true, "CANCEL");
    UUID child = job("WAITING", 1, false, "CANCEL");
    depend(child, parent);
    end(parent, "COMPLETED");
    try (Connection holder = db.getConnection();
        Connection other = db.getConnection()) {
      holder.setAutoCommit(false);
      assertEquals(1, DependencySql.takeReleases(holder, 10).size());
      List<PendingRelease> seen = DependencySql.takeReleases(other, 10);
      assertEquals(List.of(), seen);
      holder.rollback();
    }
  }

  private UUID job(String status, int waitingFor, boolean hasChildren, String policy)
      throws SQLException {
    UUID id = UUID.randomUUID();
    execute(
        "INSERT INTO jobs (id, type, payload, priority, status, attempt, max_attempts,"
            + " attempt_budget, created_at, waiting_for, has_children, on_parent_failure)"
            + " VALUES ('"
            + id
            + "', 't', '{}', 'MEDIUM', '"
            + status
            + "', 1, 3, 3, now(), "
            + waitingFor
            + ", "
            + hasChildren
            + ", '"
            + policy
            + "')");
    return id;
  }

  private void depend(UUID child, UUID... parents) throws SQLException {
    for (UUID parent : parents) {
      execute(
          "INSERT INTO job_dependencies (job_id, parent_id) VALUES ('"
              + child
              + "', '"
              + parent
              + "')");
    }
  }

  private void end(UUID job, String status) throws SQLException {
    execute("UPDATE jobs SET status = '" + status + "' WHERE id = '" + job + "'");
  }

  private String status(UUID job) throws SQLException {
    try (Connection c = db.getConnection();
        ResultSet r =
            c.createStatement().executeQuery("SELECT status FROM jobs WHERE id = '" + job + "'")) {
      r.next();
      return r.getString(1);
    }
  }

  private Map<UUID, String> marks() throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      Map<UUID, String> marks =
          DependencySql.takeReleases(c, 1000).stream()
              .collect(
                  Collectors.toMap(PendingRelease::jobId, r -> r.release() ? "RELEASE" : "CANCEL"));
      c.rollback();
      return marks;
    }
  }

  private long number(String sql) throws SQLException {
    return TestSql.number(db, sql);
  }

  private void execute(String sql) throws SQLException {
    TestSql.execute(db, sql);
  }
}
