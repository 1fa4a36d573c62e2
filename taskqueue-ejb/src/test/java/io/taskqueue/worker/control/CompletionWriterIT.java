package io.taskqueue.worker.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.taskqueue.job.control.AttemptBatchesOn;
import io.taskqueue.job.control.EmptyDatabases;
import io.taskqueue.job.control.TestSql;
import io.taskqueue.job.entity.FinishedAttempt;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.queue.entity.Claim;
import io.taskqueue.schema.control.SchemaMigrations;
import io.taskqueue.store.control.StoreErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The write-behind of successes on a real PostgreSQL, with results that {@code jsonb} refuses: one
 * refused row ends its own job and never its batch (Redis is not the subject here: the
 * acknowledgements are checked on a stand-in).
 */
class CompletionWriterIT {

  private static final int BATCH = 500;
  private static final long LEASE = 7_000;

  private PGSimpleDataSource db;
  private final DispatchQueue dispatch = mock(DispatchQueue.class);
  private final RunningAttempts attempts = new RunningAttempts();
  private final CompletionWriter writer = new CompletionWriter();

  @BeforeEach
  void writerOnAFreshDatabase() throws SQLException {
    db = EmptyDatabases.create("completions");
    SchemaMigrations.migrate(db);
    writer.batches = AttemptBatchesOn.database(db);
    writer.dispatch = dispatch;
    writer.attempts = attempts;
    writer.errors = mock(StoreErrors.class);
    writer.maxBatch = BATCH;
  }

  @Test
  void fiveHundredSuccessesOneWithANulInItsResultEndWith499CompletedOnceAndOneDead()
      throws Exception {
    List<Claim> claims = runningJobs(BATCH);
    Claim refused = claims.get(BATCH / 3);
    for (Claim claim : claims) {
      String result = claim == refused ? "{\"text\":\"a\\u0000b\"}" : "{\"n\":1}";
      writer.record(claim, finished(claim, result));
    }

    long took = writeAllInOneBatch();

    assertEquals(
        BATCH - 1,
        TestSql.number(
            db,
            "SELECT count(*) FROM jobs j WHERE status = 'COMPLETED' AND result = '{\"n\":1}'"
                + " AND (SELECT count(*) FROM job_attempts a WHERE a.job_id = j.id"
                + " AND a.outcome = 'COMPLETED') = 1"),
        "every other job completed, with exactly one attempt");
    assertEquals(
        1,
        TestSql.number(
            db,
            "SELECT count(*) FROM jobs j JOIN job_attempts a ON a.job_id = j.id"
                + " WHERE j.id = '"
                + refused.jobId()
                + "' AND j.status = 'DEAD' AND j.result IS NULL"
                + " AND j.last_error LIKE 'result not storable: %'"
                + " AND a.outcome = 'FAILED' AND a.error = j.last_error"),
        "the refused one ended dead, not retried, with the reason");
    assertEquals(BATCH, TestSql.number(db, "SELECT count(*) FROM job_attempts"));
    verify(dispatch)
        .ack(argThat((Collection<Claim> acked) -> Set.copyOf(acked).equals(Set.copyOf(claims))));
    assertTrue(took < 1_000, "no success waits more than a second for its write: " + took + " ms");
  }

  /** Runs the writer until all is written, in one drain; how long the writing took, in ms. */
  private long writeAllInOneBatch() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    long start = System.nanoTime();
    CompletableFuture<Void> loop = CompletableFuture.runAsync(() -> writer.run(running::get));
    assertTrue(writer.awaitWritten(30_000), "written");
    long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    running.set(false);
    loop.get(5, TimeUnit.SECONDS);
    return took;
  }

  /** {@code count} jobs running their first attempt, each under its own lease, tracked here. */
  private List<Claim> runningJobs(int count) throws SQLException {
    List<Claim> claims = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO jobs (id, type, payload, priority, status, attempt, max_attempts,"
                    + " attempt_budget, created_at, started_at, lease_id, worker_id)"
                    + " VALUES (?, 'work', '{}', 'MEDIUM', 'RUNNING', 1, 3, 3, now(), now(), ?,"
                    + " 'node/w1')")) {
      for (int i = 0; i < count; i++) {
        Claim claim = new Claim(UUID.randomUUID(), Priority.MEDIUM, LEASE + i, 0);
        insert.setObject(1, claim.jobId());
        insert.setLong(2, claim.leaseId());
        insert.addBatch();
        attempts.track(claim);
        claims.add(claim);
      }
      insert.executeBatch();
    }
    return claims;
  }

  private static FinishedAttempt finished(Claim claim, String result) {
    return new FinishedAttempt(claim.jobId(), 1, claim.leaseId(), result, "node/w1", Instant.now());
  }
}
