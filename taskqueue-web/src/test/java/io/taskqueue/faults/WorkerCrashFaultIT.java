package io.taskqueue.faults;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.PayaraMicroProcess;
import io.taskqueue.store.control.RedisKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * A worker JVM is killed with SIGKILL at random instants while it holds jobs, twenty times over a
 * run of a few thousand jobs. Afterwards every job is completed, exactly once, none is lost and
 * none is stuck running; the children of 100 workflows among them each ran once, after both its
 * parents, though parents completed around the kills. The API node runs no workers, so every job
 * runs on the worker JVM, and it is the API node that recovers the dead worker's leases.
 */
class WorkerCrashFaultIT {

  private static final int JOBS = 3_000;
  private static final int WORKFLOWS = 100;
  private static final int ALL = JOBS + 3 * WORKFLOWS;
  private static final int KILLS = 20;
  private static final Map<String, String> FAST_LEASES =
      Map.of("TASKQUEUE_LEASE_MS", "3000", "TASKQUEUE_RECOVER_INTERVAL_MS", "500");

  private final Random random = new Random(2026);
  private RedisKeys keys;

  @Test
  void everyJobCompletesExactlyOnceThoughItsWorkerIsKilledTwentyTimes() throws Exception {
    FaultCluster cluster = new FaultCluster("worker_crash");
    keys = cluster.keys();
    PayaraMicroProcess api = cluster.start("api-node", with(Map.of("TASKQUEUE_WORKERS", "0")));
    PayaraMicroProcess worker = null;
    List<Long> recoveryMillis = new ArrayList<>();
    int heldAtKills = 0;
    try (RedisClient redis = RedisClient.create(cluster.redisUrl())) {
      // 100 ms each: 3,000 jobs must outlast twenty kills, and a node starts working before its
      // API answers; at 30 ms the batched engine finished them all by the sixteenth kill.
      // High priority: parents complete, and children are released and run, in the first worker
      // lives, between kills.
      FaultCluster.submitWorkflows(
          api.httpPort(),
          "\"type\":\"sleep\",\"priority\":\"high\",\"payload\":{\"ms\":100}",
          "\"type\":\"sleep\",\"priority\":\"high\",\"payload\":{\"ms\":100}",
          WORKFLOWS);
      FaultCluster.submit(api.httpPort(), "{\"type\":\"sleep\",\"payload\":{\"ms\":100}}", JOBS);
      for (int kill = 1; kill <= KILLS; kill++) {
        worker = cluster.start("worker-node", with(Map.of("TASKQUEUE_WORKERS", "4")));
        await()
            .atMost(60, SECONDS)
            .pollInterval(java.time.Duration.ofMillis(20))
            .until(() -> !heldBy(redis, "worker-node").isEmpty());
        Thread.sleep(random.nextInt(1_000)); // a random instant while it works, not a sync wait
        Set<String> held = heldBy(redis, "worker-node");
        worker.kill();
        heldAtKills += held.size();
        long killedAt = System.nanoTime();
        await()
            .atMost(30, SECONDS)
            .pollInterval(java.time.Duration.ofMillis(50))
            .until(() -> heldBy(redis, "worker-node").isEmpty());
        recoveryMillis.add((System.nanoTime() - killedAt) / 1_000_000);
      }
      // The survivor finishes the rest with more threads: the jobs only sleep.
      worker = cluster.start("worker-node", with(Map.of("TASKQUEUE_WORKERS", "16")));
      cluster.awaitCompleted(ALL, Duration.ofSeconds(300));
      FaultCluster.Outcome outcome = cluster.outcome();
      Collections.sort(recoveryMillis);
      System.out.printf(
          "FAULT worker-kill: jobs=%d kills=%d leases-held-at-kill=%d %s"
              + " recovery-ms(median/max)=%d/%d%n",
          ALL,
          KILLS,
          heldAtKills,
          outcome,
          recoveryMillis.get(recoveryMillis.size() / 2),
          recoveryMillis.get(recoveryMillis.size() - 1));

      assertEquals(0, outcome.duplicates(), "no job completed twice");
      assertEquals(ALL, outcome.completions(), "one completion per job");
      assertEquals(
          0, cluster.dependencyViolations(), "every child released once, after its parents");
      assertEquals(0, outcome.unfinished(), "none lost, none stuck running");
      assertTrue(
          outcome.lostAttempts() >= KILLS,
          "each kill interrupted at least one running attempt: " + outcome.lostAttempts());
      assertEquals(0, redis.zcard(keys.inflight()), "no lease left behind");
    } finally {
      if (worker != null) {
        worker.close();
      }
      api.close();
    }
  }

  private static Map<String, String> with(Map<String, String> extra) {
    Map<String, String> all = new java.util.HashMap<>(FAST_LEASES);
    all.putAll(extra);
    return all;
  }

  private Set<String> heldBy(RedisClient redis, String node) {
    return redis.hgetAll(keys.lease()).entrySet().stream()
        .filter(e -> e.getValue().contains("|" + node))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }
}
