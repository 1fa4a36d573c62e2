package io.taskqueue.faults;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskqueue.launcher.control.Directories;
import io.taskqueue.launcher.control.EmbeddedPostgresServer;
import io.taskqueue.launcher.control.FreePort;
import io.taskqueue.launcher.control.PayaraMicroProcess;
import io.taskqueue.launcher.control.ServiceEndpoints;
import io.taskqueue.launcher.control.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops in the middle of a run and comes back ten seconds later. Workers and the API
 * back off and recover by themselves; every job completes exactly once.
 */
class PostgresRestartFaultIT {

  private static final int JOBS = 3_000;
  private static final Duration OUTAGE = Duration.ofSeconds(10);

  @Test
  void everyJobCompletesExactlyOnceThoughPostgresRestartsMidRun() throws Exception {
    Path data = Files.createTempDirectory("taskqueue-pg-restart");
    int port = FreePort.find();
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data, port, true);
    ServiceEndpoints endpoints =
        new ServiceEndpoints(
            postgres.jdbcUrl(), "postgres", "postgres", TestServices.endpoints().redisUrl());
    FaultCluster cluster = new FaultCluster("pg_restart", endpoints);
    PayaraMicroProcess node =
        cluster.start(
            "pg-restart-node",
            Map.of(
                "TASKQUEUE_WORKERS", "4",
                "TASKQUEUE_LEASE_MS", "5000"));
    try {
      FaultCluster.submit(node.httpPort(), "{\"type\":\"sleep\",\"payload\":{\"ms\":5}}", JOBS);
      await()
          .atMost(120, SECONDS)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  cluster.count("SELECT count(*) FROM jobs WHERE status = 'COMPLETED'")
                      >= JOBS / 5);

      postgres.close();
      Thread.sleep(OUTAGE.toMillis()); // the outage itself, not a wait for a condition
      postgres = EmbeddedPostgresServer.start(data, port, true);
      long restartedAt = System.nanoTime();

      cluster.awaitCompleted(JOBS, Duration.ofSeconds(300));
      long drainMillis = (System.nanoTime() - restartedAt) / 1_000_000;
      FaultCluster.Outcome outcome = cluster.outcome();
      System.out.printf(
          "FAULT postgres-restart: jobs=%d outage-s=%d %s all-done-ms-after-restart=%d%n",
          JOBS, OUTAGE.toSeconds(), outcome, drainMillis);

      assertEquals(0, outcome.duplicates(), "no job completed twice");
      assertEquals(JOBS, outcome.completions(), "one completion per job");
      assertEquals(0, outcome.unfinished());
    } finally {
      node.close();
      postgres.close();
      Directories.deleteRecursively(data);
    }
  }
}
