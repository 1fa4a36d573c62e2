package io.taskqueue.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.faults.probe.RecordingObserver;
import io.taskqueue.launcher.control.FreePort;
import io.taskqueue.launcher.control.PayaraMicroProcess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The delivery guarantee of job outcomes across a node kill. A node whose application observes
 * {@code JobCompleted} (and records each in taskqueue's database, in the delivery's transaction)
 * runs 600 jobs; it is killed with SIGKILL in the middle of its deliveries, with outcomes still
 * waiting, and started again. Afterwards every completion was observed, and its row written,
 * exactly once: the killed deliveries rolled back with their rows and were delivered again.
 */
class OutcomeDeliveryFaultIT {

  private static final int JOBS = 600;
  private static final Map<String, String> NODE =
      Map.of(
          "TASKQUEUE_WORKERS", "4",
          "TASKQUEUE_LEASE_MS", "3000",
          "TASKQUEUE_RECOVER_INTERVAL_MS", "500");

  private final FaultCluster cluster = new FaultCluster("outcome_delivery");

  @Test
  void everyCompletionIsObservedExactlyOnceThoughTheObservingNodeIsKilledMidDelivery()
      throws Exception {
    Path war = observingWar();
    int port = FreePort.find();
    PayaraMicroProcess node = cluster.start("observing-node", NODE, port, List.of(), war);
    try {
      try (Connection db = cluster.database()) {
        db.createStatement()
            .execute("CREATE TABLE observed_outcomes (job_id uuid NOT NULL, attempt int NOT NULL)");
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> cluster.count("SELECT count(*) FROM outcome_listeners") == 1);

      FaultCluster.submit(port, "{\"type\":\"echo\",\"payload\":{}}", JOBS);
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> observed() >= 100);
      node.kill();
      long observedAtKill = observed();
      long waitingAtKill = cluster.count("SELECT count(*) FROM job_outcomes");

      node = cluster.start("observing-node", NODE, port, List.of(), war);
      await()
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  cluster.count("SELECT count(*) FROM jobs WHERE status = 'COMPLETED'") == JOBS
                      && cluster.count("SELECT count(*) FROM job_outcomes") == 0);
      long duplicates =
          cluster.count(
              "SELECT count(*) FROM (SELECT job_id FROM observed_outcomes"
                  + " GROUP BY job_id HAVING count(*) > 1) d");
      System.out.printf(
          "FAULT outcome-delivery: jobs=%d observed-at-kill=%d waiting-at-kill=%d observed=%d"
              + " duplicates=%d%n",
          JOBS, observedAtKill, waitingAtKill, observed(), duplicates);

      assertTrue(waitingAtKill > 0, "the kill left outcomes to deliver");
      assertEquals(JOBS, observed(), "every completion observed");
      assertEquals(0, duplicates, "and its row written once");
      assertEquals(
          JOBS,
          cluster.count("SELECT count(DISTINCT job_id) FROM observed_outcomes"),
          "for every job");
    } finally {
      node.close();
    }
  }

  private long observed() throws Exception {
    return cluster.count("SELECT count(*) FROM observed_outcomes");
  }

  /** taskqueue's WAR with the application's observer added, as a team's WAR would carry it. */
  private static Path observingWar() throws Exception {
    Path war = Files.createTempDirectory("observing-war").resolve("taskqueue.war");
    ShrinkWrap.create(ZipImporter.class, "taskqueue.war")
        .importFrom(new File(System.getProperty("taskqueue.war")))
        .as(WebArchive.class)
        .addClass(RecordingObserver.class)
        .as(ZipExporter.class)
        .exportTo(war.toFile(), true);
    return war;
  }
}
