package io.taskqueue.faults;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.PayaraMicroProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * A node stopped normally (SIGTERM) while its workers run long jobs gives them a short grace, then
 * hands them back to the queue at once, long before their leases would expire, and another node
 * completes them.
 */
class GracefulShutdownFaultIT {

  @Test
  void aStoppingNodeHandsItsRunningJobsBackAtOnce() throws Exception {
    FaultCluster cluster = new FaultCluster("graceful");
    List<PayaraMicroProcess> nodes = new ArrayList<>();
    Map<String, String> longLeases =
        Map.of("TASKQUEUE_LEASE_MS", "120000", "TASKQUEUE_SHUTDOWN_GRACE_MS", "1000");
    try (RedisClient redis = RedisClient.create(cluster.redisUrl())) {
      PayaraMicroProcess api = cluster.start("api-node", FaultCluster.withWorkers(longLeases, "0"));
      nodes.add(api);
      PayaraMicroProcess stopping =
          cluster.start("stopping-node", FaultCluster.withWorkers(longLeases, "2"));
      FaultCluster.submit(api.httpPort(), "{\"type\":\"sleep\",\"payload\":{\"ms\":20000}}", 2);
      await()
          .atMost(60, SECONDS)
          .until(() -> cluster.count("SELECT count(*) FROM jobs WHERE status = 'RUNNING'") == 2);

      long stoppedAt = System.nanoTime();
      stopping.close(); // SIGTERM: Payara shuts down and the worker pool's @PreDestroy runs
      await()
          .atMost(60, SECONDS)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> cluster.count("SELECT count(*) FROM jobs WHERE status = 'QUEUED'") == 2);
      long handedBackMillis = (System.nanoTime() - stoppedAt) / 1_000_000;
      assertEquals(0, redis.zcard(cluster.keys().inflight()), "no lease left to expire");
      assertEquals(2, redis.llen(cluster.keys().queue(io.taskqueue.job.entity.Priority.MEDIUM)));

      nodes.add(
          cluster.start(
              "next-node", FaultCluster.withWorkers(Map.of("TASKQUEUE_LEASE_MS", "120000"), "2")));
      await()
          .atMost(120, SECONDS)
          .until(() -> cluster.count("SELECT count(*) FROM jobs WHERE status = 'COMPLETED'") == 2);
      System.out.printf(
          "FAULT graceful-shutdown: running=2 handed-back-ms=%d (lease 120000 ms) completed=2%n",
          handedBackMillis);
      assertTrue(handedBackMillis < 60_000, "handed back, not left to a 120 s lease expiry");
      assertEquals(2, cluster.count("SELECT count(*) FROM job_attempts WHERE outcome = 'LOST'"));
      assertEquals(0, cluster.doubleCompletions());
    } finally {
      for (PayaraMicroProcess node : nodes) {
        node.kill();
      }
    }
  }
}
