package io.taskqueue.faults.chaos;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.Directories;
import io.taskqueue.launcher.control.FreePort;
import io.taskqueue.launcher.control.ServiceEndpoints;
import io.taskqueue.store.control.RedisKeys;
import io.taskqueue.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The randomized chaos soak of issue 13. Several nodes on one PostgreSQL and one Redis (both owned
 * here, so they can be killed) take mixed jobs through every node while {@link FaultDriver} kills,
 * freezes, flushes and restarts things and {@link Operator} cancels, retries and pauses. Then the
 * faults stop, everything is brought back, the queues are resumed, and once nothing is left to do
 * (bounded wait) {@link InvariantChecker} checks every job. The report is printed and written to
 * {@code target/chaos}; any violation fails the test.
 *
 * <p>Settings (system properties): {@code chaos.seconds} (soak length, default 120), {@code
 * chaos.seed} (default: chosen and printed), {@code chaos.nodes} (default 2), {@code
 * chaos.quiet-seconds} (longest wait for the queues to drain afterwards, default 180). The seed
 * fixes every random choice each thread makes, in order; the timing is the machine's, so a rerun
 * with the same seed replays the same plan, not the same interleaving.
 */
class ChaosSoakIT {

  private static final String PREFIX = "chaos";
  private static final String UNFINISHED =
      "SELECT count(*) FROM jobs WHERE status IN ('SCHEDULED', 'QUEUED', 'RUNNING', 'RETRYING')";

  @Test
  void everyAcknowledgedJobEndsFinalAtMostOnceCompletedAndAsItsHistorySays() throws Exception {
    long seed = Long.getLong("chaos.seed", System.currentTimeMillis() % 100_000);
    long seconds = Long.getLong("chaos.seconds", 120);
    int nodeCount = Integer.getInteger("chaos.nodes", 2);
    long quietLimit = Long.getLong("chaos.quiet-seconds", 180);
    Path work = Files.createTempDirectory("taskqueue-chaos");
    System.out.println(
        "CHAOS seed=" + seed + " seconds=" + seconds + " nodes=" + nodeCount + " logs in " + work);
    OwnedPostgres postgres = new OwnedPostgres(work.resolve("postgres"), FreePort.find());
    OwnedRedis redis = new OwnedRedis(work.resolve("redis"), FreePort.find());
    ChaosNodes nodes = null;
    boolean passed = false;
    // If the JVM is stopped from outside, still take the nodes and Redis down with it.
    Thread backstop =
        new Thread(
            () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly));
    Runtime.getRuntime().addShutdownHook(backstop);
    try {
      postgres.start();
      redis.start();
      nodes = new ChaosNodes(nodeCount, environment(postgres, redis), work);
      nodes.startAll();

      long start = System.nanoTime();
      long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
      Ledger ledger = new Ledger(start);
      FaultLog faults = new FaultLog();
      ChaosHttp http = new ChaosHttp(ledger::now);
      Operator operator = new Operator(nodes, http, ledger, seed + 202);
      List<Thread> threads = new ArrayList<>();
      for (int node = 0; node < nodeCount; node++) {
        threads.add(
            new Thread(
                new Submitter(node, nodes, http, ledger, operator, seed + 1 + node, deadline),
                "chaos-submit-" + node));
      }
      threads.add(
          new Thread(
              new FaultDriver(
                  nodes, redis, postgres, operator, faults, ledger, seed + 101, deadline),
              "chaos-faults"));
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join(TimeUnit.SECONDS.toMillis(seconds + 120));
        t.interrupt(); // bounded: a thread still busy after its deadline is told to stop
      }

      System.out.println("CHAOS " + ledger.now() + " faults over; bringing everything back");
      if (!redis.isUp()) {
        redis.start();
      }
      if (!postgres.isUp()) {
        postgres.start();
      }
      boolean allUp = nodes.awaitBoots();
      boolean resumed = operator.stopAndResumeAll();
      long quietStart = System.nanoTime();
      boolean quiet = awaitQuiet(postgres, redis, quietLimit);
      long quietSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - quietStart);

      InvariantChecker.Result result;
      try (Connection db = connect(postgres)) {
        result = new InvariantChecker(ledger, new RedisKeys(PREFIX), redis.url()).check(db);
      }
      String report =
          SoakReport.render(seed, nodeCount, seconds, quietSeconds, quiet, faults, ledger, result)
              + SoakReport.serverErrors(http.serverErrors())
              + (allUp ? "" : "WARNING: a node did not come back after its kill\n")
              + (resumed ? "" : "WARNING: some priority could not be resumed\n");
      SoakReport.publish(report, seed);
      assertTrue(ledger.size() > 0, "the soak acknowledged no job at all");
      assertTrue(
          result.violations().isEmpty(),
          result.violations().size() + " invariant violations; see the report above");
      passed = true;
    } finally {
      if (nodes != null) {
        nodes.close();
      }
      redis.close();
      postgres.close();
      Runtime.getRuntime().removeShutdownHook(backstop);
      if (passed) {
        // Hundreds of MB per run; a failed run keeps them to be examined. The logs stay.
        Directories.deleteRecursively(work.resolve("postgres"));
        Directories.deleteRecursively(work.resolve("redis"));
      }
    }
  }

  private static Map<String, String> environment(OwnedPostgres postgres, OwnedRedis redis) {
    Map<String, String> env =
        new HashMap<>(
            new ServiceEndpoints(postgres.jdbcUrl(), "postgres", "postgres", redis.url())
                .asEnvironment());
    env.put("TASKQUEUE_REDIS_PREFIX", PREFIX);
    env.put("TASKQUEUE_ADMIN_KEY", Api.ADMIN_KEY);
    env.put("TASKQUEUE_HANDLERS_DIAGNOSTIC_ENABLED", "true");
    env.put("TASKQUEUE_WORKERS", "8");
    // Short leases and sweeps: lost work comes back within seconds, inside the soak.
    env.put("TASKQUEUE_LEASE_MS", "3000");
    env.put("TASKQUEUE_RECOVER_INTERVAL_MS", "500");
    env.put("TASKQUEUE_RECONCILE_INTERVAL_MS", "2000");
    env.put("TASKQUEUE_PROMOTE_INTERVAL_MS", "200");
    env.put("TASKQUEUE_RETRY_BASE_MS", "200");
    env.put("TASKQUEUE_RETRY_MAX_MS", "2000");
    return env;
  }

  /** Waits until no job is waiting, running or retrying and no lease is held; false on timeout. */
  private static boolean awaitQuiet(OwnedPostgres postgres, OwnedRedis redis, long limitSeconds) {
    AtomicLong nextProgress = new AtomicLong();
    try {
      await()
          .atMost(Duration.ofSeconds(limitSeconds))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> quiet(postgres, redis, nextProgress));
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }

  private static boolean quiet(OwnedPostgres postgres, OwnedRedis redis, AtomicLong nextProgress) {
    try (Connection db = connect(postgres);
        ResultSet rs = db.createStatement().executeQuery(UNFINISHED);
        RedisClient client = RedisClient.create(redis.url())) {
      rs.next();
      long unfinished = rs.getLong(1);
      long leases = client.zcard(new RedisKeys(PREFIX).inflight());
      if (unfinished == 0 && leases == 0) {
        return true;
      }
      if (System.nanoTime() > nextProgress.get()) {
        System.out.println("CHAOS waiting: unfinished=" + unfinished + " leases=" + leases);
        nextProgress.set(System.nanoTime() + TimeUnit.SECONDS.toNanos(15));
      }
    } catch (Exception e) {
      System.out.println("CHAOS waiting: " + e);
    }
    return false;
  }

  private static Connection connect(OwnedPostgres postgres) throws java.sql.SQLException {
    return DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "postgres");
  }
}
