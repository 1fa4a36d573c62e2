package io.taskqueue.bench.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BacklogWorkloadTest {

  private static final String METRICS =
      """
      # TYPE taskqueue_duty_ms_max gauge
      taskqueue_duty_ms_max{duty="PromoteDueJobs",mp_scope="application"} 3.0
      taskqueue_duty_ms_max{duty="ReconcileWithRedis",mp_scope="application"} 1234.0
      # TYPE taskqueue_duty_ms_mean gauge
      taskqueue_duty_ms_mean{duty="ReconcileWithRedis",mp_scope="application"} 987.5
      taskqueue_duty_ms_mean{duty="PromoteDueJobs",mp_scope="application"} 1.0
      """;

  @Test
  void readsTheReconciliationRoundOutOfThePrometheusText() {
    assertEquals(1234.0, BacklogWorkload.reconcileMillis(METRICS, "max").orElseThrow());
    assertEquals(987.5, BacklogWorkload.reconcileMillis(METRICS, "mean").orElseThrow());
  }

  @Test
  void aServerThatDoesNotReportItGivesNothing() {
    assertTrue(BacklogWorkload.reconcileMillis("# nothing here\n", "max").isEmpty());
  }
}
