package io.taskqueue.faults;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.PayaraMicroProcess;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A worker freezes (SIGSTOP) while it runs a job; its lease expires, the job runs again on another
 * worker and completes. When the frozen worker wakes (SIGCONT) and finishes its stale attempt, its
 * completion is rejected: the newer attempt's outcome stands.
 */
class FrozenWorkerFaultIT {

  private static final Map<String, String> FAST_LEASES =
      Map.of("TASKQUEUE_LEASE_MS", "3000", "TASKQUEUE_RECOVER_INTERVAL_MS", "500");

  @Test
  void aFrozenWorkersLateCompletionCannotOverwriteTheNewerAttempt() throws Exception {
    FaultCluster cluster = new FaultCluster("frozen_worker");
    List<PayaraMicroProcess> nodes = new ArrayList<>();
    try {
      PayaraMicroProcess api = start(cluster, nodes, "api-node", "0");
      PayaraMicroProcess frozen = start(cluster, nodes, "frozen-node", "1");
      FaultCluster.submit(api.httpPort(), "{\"type\":\"sleep\",\"payload\":{\"ms\":6000}}", 1);
      // Frozen once its attempt has started in PostgreSQL, not merely been leased in Redis.
      await()
          .atMost(60, SECONDS)
          .until(
              () ->
                  cluster.count(
                          "SELECT count(*) FROM jobs WHERE status = 'RUNNING' AND attempt = 1"
                              + " AND worker_id LIKE 'frozen-node%'")
                      == 1);

      frozen.signal("STOP");
      await()
          .atMost(30, SECONDS)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  cluster.count("SELECT count(*) FROM jobs WHERE status = 'QUEUED' AND attempt = 1")
                      == 1);
      start(cluster, nodes, "rescue-node", "1");
      await()
          .atMost(60, SECONDS)
          .until(() -> cluster.count("SELECT count(*) FROM jobs WHERE status = 'COMPLETED'") == 1);
      String before = snapshot(cluster);

      frozen.signal("CONT");
      await()
          .atMost(60, SECONDS)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> Files.readString(frozen.log()).contains("Rejected stale write"));

      String after = snapshot(cluster);
      System.out.println("FAULT frozen-worker: before=" + before + " after=" + after);
      assertEquals(before, after, "the newer attempt's outcome stands");
      assertTrue(after.startsWith("COMPLETED attempt=2 worker=rescue-node"), after);
      assertEquals(0, cluster.doubleCompletions());
      assertEquals(
          "1:LOST,2:COMPLETED",
          history(cluster),
          "attempt 1 lost with its lease, attempt 2 completed");
    } finally {
      for (PayaraMicroProcess node : nodes) {
        node.kill();
      }
    }
  }

  private static PayaraMicroProcess start(
      FaultCluster cluster, List<PayaraMicroProcess> nodes, String name, String workers)
      throws InterruptedException {
    Map<String, String> settings = new java.util.HashMap<>(FAST_LEASES);
    settings.put("TASKQUEUE_WORKERS", workers);
    PayaraMicroProcess node = cluster.start(name, settings);
    nodes.add(node);
    return node;
  }

  private static String snapshot(FaultCluster cluster) throws Exception {
    try (Connection db = cluster.database();
        ResultSet rs =
            db.createStatement()
                .executeQuery("SELECT status, attempt, worker_id, finished_at FROM jobs")) {
      rs.next();
      return rs.getString(1)
          + " attempt="
          + rs.getInt(2)
          + " worker="
          + rs.getString(3)
          + " finished="
          + rs.getObject(4);
    }
  }

  private static String history(FaultCluster cluster) throws Exception {
    try (Connection db = cluster.database();
        ResultSet rs =
            db.createStatement()
                .executeQuery("SELECT attempt, outcome FROM job_attempts ORDER BY attempt")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getInt(1) + ":" + rs.getString(2));
      }
      return String.join(",", rows);
    }
  }
}
