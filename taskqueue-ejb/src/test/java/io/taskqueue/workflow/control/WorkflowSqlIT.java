package io.taskqueue.workflow.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.job.control.EmptyDatabases;
import io.taskqueue.job.control.TestSql;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.schema.control.SchemaMigrations;
import io.taskqueue.workflow.entity.WorkflowMember;
import io.taskqueue.workflow.entity.WorkflowPage;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Reading a workflow a page at a time on a real PostgreSQL: status counts over every job, pages in
 * submission order with each job's parents, the unfinished jobs a cancel needs, and the size of
 * parents a handler would be given.
 */
class WorkflowSqlIT {

  private PGSimpleDataSource db;
  private final UUID workflow = UUID.randomUUID();
  private final List<UUID> ids = new ArrayList<>();

  @BeforeEach
  void aWorkflowOfFiveJobs() throws SQLException {
    db = EmptyDatabases.create("workflow_pages");
    SchemaMigrations.migrate(db);
    String[] statuses = {"COMPLETED", "COMPLETED", "RUNNING", "WAITING", "DEAD"};
    for (int i = 0; i < statuses.length; i++) {
      // Ids in submission order, as JobIds makes them.
      UUID id = new UUID(0x0190_0000_0000_7000L + i, 0x8000_0000_0000_0000L + i);
      ids.add(id);
      TestSql.execute(
          db,
          "INSERT INTO jobs (id, type, payload, result, priority, status, attempt, max_attempts,"
              + " attempt_budget, created_at, workflow_id, workflow_key, submitted_by)"
              + " VALUES ('"
              + id
              + "', 't', '{\"n\":"
              + i
              + "}', "
              + (statuses[i].equals("COMPLETED") ? "'\"done\"'" : "NULL")
              + ", 'MEDIUM', '"
              + statuses[i]
              + "', 1, 3, 3, now(), '"
              + workflow
              + "', 'k"
              + i
              + "', 'key:ci')");
    }
    TestSql.execute(
        db,
        "INSERT INTO job_dependencies (job_id, parent_id) VALUES ('"
            + ids.get(3)
            + "', '"
            + ids.get(0)
            + "'), ('"
            + ids.get(3)
            + "', '"
            + ids.get(1)
            + "')");
  }

  @Test
  void pagesGoInSubmissionOrderWithParentsAndCountTheWholeWorkflow() throws SQLException {
    try (Connection c = db.getConnection()) {
      WorkflowPage first = WorkflowSql.page(c, workflow, null, 2).orElseThrow();
      WorkflowPage second = WorkflowSql.page(c, workflow, ids.get(1), 2).orElseThrow();
      WorkflowPage last = WorkflowSql.page(c, workflow, ids.get(3), 2).orElseThrow();

      Map<JobStatus, Long> counts =
          Map.of(
              JobStatus.COMPLETED, 2L,
              JobStatus.RUNNING, 1L,
              JobStatus.WAITING, 1L,
              JobStatus.DEAD, 1L);
      assertEquals(counts, first.statuses());
      assertEquals(counts, last.statuses());
      assertEquals("key:ci", first.submittedBy());
      assertEquals(ids.subList(0, 2), first.jobs().stream().map(WorkflowMember::id).toList());
      assertTrue(first.more());
      assertEquals(ids.subList(2, 4), second.jobs().stream().map(WorkflowMember::id).toList());
      assertEquals(List.of(ids.get(0), ids.get(1)), second.jobs().get(1).parents());
      assertEquals("k3", second.jobs().get(1).key());
      assertEquals(List.of(ids.get(4)), last.jobs().stream().map(WorkflowMember::id).toList());
      assertFalse(last.more());
      assertEquals(Optional.empty(), WorkflowSql.page(c, UUID.randomUUID(), null, 2));
    }
  }

  @Test
  void aCancelFindsTheUnfinishedJobsAndAnUnknownWorkflowIsNone() throws SQLException {
    try (Connection c = db.getConnection()) {
      assertEquals(
          Optional.of(List.of(ids.get(2), ids.get(3))), WorkflowSql.unfinished(c, workflow));
      assertEquals(Optional.empty(), WorkflowSql.unfinished(c, UUID.randomUUID()));
    }
  }

  @Test
  void theSizeOfParentsIsMeasuredInTheDatabase() throws SQLException {
    try (Connection c = db.getConnection()) {
      // {"n": 0} is 8 bytes as jsonb text, "done" 6.
      assertEquals(2 * (8 + 6), DependencySql.jsonBytes(c, List.of(ids.get(0), ids.get(1))));
      assertEquals(0, DependencySql.jsonBytes(c, List.of(UUID.randomUUID())));
    }
  }
}
