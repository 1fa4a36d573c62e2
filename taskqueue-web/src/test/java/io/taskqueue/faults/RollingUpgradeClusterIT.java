package io.taskqueue.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.faults.probe.UpgradeReport;
import io.taskqueue.launcher.control.FreePort;
import io.taskqueue.launcher.control.PayaraMicroProcess;
import io.taskqueue.support.Api;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * A rolling upgrade that adds a job type: an old node (taskqueue's WAR) and a new one (the same WAR
 * with a handler for {@code upgrade.report}) side by side. The old node accepts submits of the new
 * type once the new node registered it, with the new handler's defaults. Jobs of the new type that
 * the old node claims go back to their queue without spending an attempt, parked under their type
 * where only the new node takes them from; while the new node is down they wait parked, queued, not
 * dead, and the old node does not take them again; when it is back they all run, each in one
 * attempt, and jobs of the old types run on both nodes throughout.
 */
class RollingUpgradeClusterIT {

  private static final int NEW_JOBS = 200;
  private static final int OLD_JOBS = 200;
  private static final Map<String, String> WORKERS = Map.of("TASKQUEUE_WORKERS", "4");

  @Test
  void jobsOfATypeOnlyTheNewNodeRunsWaitOnTheOldOneAndNoneSpendsAnAttemptOrDies() throws Exception {
    FaultCluster cluster = new FaultCluster("rolling_upgrade");
    Path newWar = newVersion();
    int newPort = FreePort.find();
    PayaraMicroProcess newNode = cluster.start("new-node", WORKERS, newPort, List.of(), newWar);
    PayaraMicroProcess oldNode = cluster.start("old-node", WORKERS);
    try {
      // The old node has no handler for the new type, but accepts it once the new node has
      // registered it, with the new handler's defaults; a type no node runs is still refused.
      String newJob = "{\"type\":\"" + UpgradeReport.TYPE + "\",\"payload\":{}}";
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  FaultCluster.request(oldNode, "POST", "/api/jobs", Api.ADMIN_KEY, newJob)
                          .statusCode()
                      == 201);
      HttpResponse<String> unknown =
          FaultCluster.request(
              oldNode, "POST", "/api/jobs", Api.ADMIN_KEY, "{\"type\":\"upgrade.nobody\"}");
      assertEquals(400, unknown.statusCode(), unknown.body());
      assertTrue(unknown.body().contains("no node of the cluster runs type"), unknown.body());
      assertEquals(
          1,
          cluster.count(
              "SELECT count(*) FROM jobs WHERE type = '"
                  + UpgradeReport.TYPE
                  + "' AND priority = 'HIGH' AND max_attempts = 2"),
          "the new handler's defaults, on a node without it");
      FaultCluster.submit(oldNode.httpPort(), newJob, NEW_JOBS - 1);
      FaultCluster.submit(oldNode.httpPort(), "{\"type\":\"echo\",\"payload\":{}}", OLD_JOBS);
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> completed(cluster, UpgradeReport.TYPE) >= 20);

      newNode.close(); // the new node goes down for a while: only the old one is up
      // The old node takes every remaining job of the new type once and parks it, then leaves
      // them alone: all of them wait parked, queued in PostgreSQL.
      long stillWaiting;
      try (RedisClient redis = RedisClient.create(cluster.redisUrl())) {
        String parked = cluster.keys().parked(UpgradeReport.TYPE);
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> redis.llen(parked) == unfinished(cluster) && redis.llen(parked) > 0);
        stillWaiting = redis.llen(parked);
        long handedBackOnce = handedBack(oldNode);
        Thread.sleep(3_000); // a span in which the old node could take them again: it must not
        assertEquals(handedBackOnce, handedBack(oldNode), "parked jobs are not taken again");
        assertEquals(stillWaiting, redis.llen(parked));
      }
      // Once no node has renewed the type for a while, the API says why such a job waits.
      String waiting = anUnfinishedJob(cluster);
      await()
          .atMost(Duration.ofSeconds(40))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  FaultCluster.request(oldNode, "GET", "/api/jobs/" + waiting, Api.ADMIN_KEY, null)
                      .body()
                      .contains("no live node runs type '" + UpgradeReport.TYPE + "'"));
      long queuedMeanwhile =
          cluster.count(
              "SELECT count(*) FROM jobs WHERE type = '"
                  + UpgradeReport.TYPE
                  + "' AND status = 'QUEUED'");
      long deadMeanwhile = cluster.count("SELECT count(*) FROM jobs WHERE status = 'DEAD'");

      newNode = cluster.start("new-node", WORKERS, newPort, List.of(), newWar);
      cluster.awaitCompleted(NEW_JOBS + OLD_JOBS, Duration.ofSeconds(180));
      FaultCluster.Outcome outcome = cluster.outcome();
      long handedBack = handedBack(oldNode);
      long spentAttempts =
          cluster.count(
              "SELECT count(*) FROM jobs WHERE type = '"
                  + UpgradeReport.TYPE
                  + "' AND attempt <> 1");
      long oldTypeOnOldNode =
          cluster.count(
              "SELECT count(*) FROM job_attempts a JOIN jobs j ON j.id = a.job_id"
                  + " WHERE j.type = 'echo' AND a.worker_id LIKE 'old-node%'");
      System.out.printf(
          "FAULT rolling-upgrade: new-type=%d old-type=%d handed-back-by-old-node=%d"
              + " parked-while-new-node-down=%d dead=%d %s%n",
          NEW_JOBS, OLD_JOBS, handedBack, stillWaiting, deadMeanwhile, outcome);

      assertEquals(stillWaiting, queuedMeanwhile, "the parked jobs wait queued");
      assertEquals(0, deadMeanwhile, "none died meanwhile");
      assertTrue(handedBack > 0, "the old node took jobs of the new type and handed them back");
      assertEquals(0, spentAttempts, "each new-type job completed in its first attempt");
      assertEquals(0, outcome.duplicates());
      assertEquals(NEW_JOBS + OLD_JOBS, outcome.completions());
      assertEquals(0, outcome.unfinished());
      assertTrue(oldTypeOnOldNode > 0, "the old node ran jobs of the old types");
    } finally {
      newNode.close();
      oldNode.close();
    }
  }

  private static String anUnfinishedJob(FaultCluster cluster) throws Exception {
    try (Connection db = cluster.database();
        ResultSet r =
            db.createStatement()
                .executeQuery(
                    "SELECT id FROM jobs WHERE type = '"
                        + UpgradeReport.TYPE
                        + "' AND final_status IS NULL LIMIT 1")) {
      r.next();
      return r.getString(1);
    }
  }

  private static long unfinished(FaultCluster cluster) throws Exception {
    return cluster.count(
        "SELECT count(*) FROM jobs WHERE type = '"
            + UpgradeReport.TYPE
            + "' AND final_status IS NULL");
  }

  private static long completed(FaultCluster cluster, String type) throws Exception {
    return cluster.count(
        "SELECT count(*) FROM jobs WHERE type = '" + type + "' AND status = 'COMPLETED'");
  }

  /** The old node's count of jobs it handed back for want of a handler. */
  private static long handedBack(PayaraMicroProcess node) throws Exception {
    String metrics = FaultCluster.request(node, "GET", "/metrics", Api.ADMIN_KEY, null).body();
    return metrics
        .lines()
        .filter(l -> l.startsWith("taskqueue_jobs_handed_back_foreign_type_total"))
        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** The new version of the application: taskqueue's WAR with a handler of a new type. */
  private static Path newVersion() throws Exception {
    Path war = Files.createTempDirectory("new-version-war").resolve("taskqueue.war");
    ShrinkWrap.create(ZipImporter.class, "taskqueue.war")
        .importFrom(new File(System.getProperty("taskqueue.war")))
        .as(WebArchive.class)
        .addClass(UpgradeReport.class)
        .as(ZipExporter.class)
        .exportTo(war.toFile(), true);
    return war;
  }
}
