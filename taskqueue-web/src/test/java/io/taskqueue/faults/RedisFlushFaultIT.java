package io.taskqueue.faults;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskqueue.launcher.control.PayaraMicroProcess;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * Redis loses everything (FLUSHALL) in the middle of 10,000 jobs and 300 workflows (whose children
 * are being released around the flush): PostgreSQL still knows them, reconciliation puts the
 * waiting ones back and hands the running ones back, every child is released once, after its
 * parents, and every job completes exactly once.
 */
class RedisFlushFaultIT {

  private static final int JOBS = 10_000;
  private static final int WORKFLOWS = 300;
  private static final int ALL = JOBS + 3 * WORKFLOWS;

  @Test
  void everyJobCompletesExactlyOnceAfterRedisIsFlushedMidRun() throws Exception {
    FaultCluster cluster = new FaultCluster("redis_flush");
    PayaraMicroProcess node =
        cluster.start(
            "flush-node",
            Map.of(
                "TASKQUEUE_WORKERS", "4",
                "TASKQUEUE_LEASE_MS", "3000",
                "TASKQUEUE_RECONCILE_INTERVAL_MS", "1000"));
    try (RedisClient redis = RedisClient.create(cluster.redisUrl())) {
      // First in the queue: parents complete early, children are released into Redis behind the
      // plain jobs, and are there (or on their way) when it is flushed.
      FaultCluster.submitWorkflows(
          node.httpPort(),
          "\"type\":\"sleep\",\"payload\":{\"ms\":20}",
          "\"type\":\"noop\"",
          WORKFLOWS);
      FaultCluster.submit(node.httpPort(), "{\"type\":\"noop\"}", JOBS);
      await()
          .atMost(120, SECONDS)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  cluster.count("SELECT count(*) FROM jobs WHERE status = 'COMPLETED'") >= ALL / 5);

      long completedBefore = cluster.count("SELECT count(*) FROM jobs WHERE status = 'COMPLETED'");
      redis.flushAll();
      long flushedAt = System.nanoTime();

      cluster.awaitCompleted(ALL, Duration.ofSeconds(300));
      long drainMillis = (System.nanoTime() - flushedAt) / 1_000_000;
      FaultCluster.Outcome outcome = cluster.outcome();
      System.out.printf(
          "FAULT redis-flush: jobs=%d completed-before-flush=%d %s all-done-ms-after-flush=%d%n",
          ALL, completedBefore, outcome, drainMillis);

      assertEquals(0, outcome.duplicates(), "no job completed twice");
      assertEquals(ALL, outcome.completions(), "one completion per job");
      assertEquals(0, outcome.unfinished());
      assertEquals(
          0, cluster.dependencyViolations(), "every child released once, after its parents");
    } finally {
      node.close();
    }
  }
}
