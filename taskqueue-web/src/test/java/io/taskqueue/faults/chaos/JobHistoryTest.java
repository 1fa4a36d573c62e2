package io.taskqueue.faults.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobHistoryTest {

  private static JobHistory job(String status, int attempt, JobHistory.Attempt... history) {
    return new JobHistory(
        UUID.randomUUID(), status, attempt, 4, !status.equals("QUEUED"), "w", List.of(history));
  }

  private static JobHistory.Attempt a(int attempt, String outcome) {
    return new JobHistory.Attempt(attempt, outcome, "w", null);
  }

  private static List<String> kinds(JobHistory job) {
    return job.problems().stream().map(p -> p.split(":")[0]).toList();
  }

  @Test
  void aCompletedJobWhoseLastAttemptCompletedAfterALostOneIsFine() {
    assertTrue(job("COMPLETED", 2, a(1, "LOST"), a(2, "COMPLETED")).problems().isEmpty());
  }

  @Test
  void aCancelledJobRetriedAndCancelledAgainWithoutAnyCompletionIsFine() {
    assertTrue(job("CANCELLED", 2, a(1, "CANCELLED"), a(2, "CANCELLED")).problems().isEmpty());
  }

  @Test
  void aDeadJobWhoseLastAttemptFailedIsFine() {
    assertTrue(job("DEAD", 2, a(1, "LOST"), a(2, "FAILED")).problems().isEmpty());
  }

  @Test
  void twoCompletedAttemptsAreAViolation() {
    assertEquals(
        List.of("COMPLETED_TWICE"),
        kinds(job("COMPLETED", 2, a(1, "COMPLETED"), a(2, "COMPLETED"))));
  }

  @Test
  void aCompletedJobWithoutACompletedLastAttemptDisagreesWithItsHistory() {
    assertEquals(List.of("STATUS_DISAGREES"), kinds(job("COMPLETED", 2, a(1, "FAILED"))));
  }

  @Test
  void aCancelledJobWithACompletionInItsHistoryDisagreesWithIt() {
    assertEquals(List.of("STATUS_DISAGREES"), kinds(job("CANCELLED", 1, a(1, "COMPLETED"))));
  }

  @Test
  void aDeadJobWithoutAnyAttemptDisagreesWithItsHistory() {
    assertEquals(List.of("STATUS_DISAGREES"), kinds(job("DEAD", 1)));
  }

  @Test
  void aQueuedJobAfterTheQuietPeriodIsNotFinal() {
    assertEquals(List.of("NOT_FINAL"), kinds(job("QUEUED", 1, a(1, "CANCELLED"))));
  }
}
