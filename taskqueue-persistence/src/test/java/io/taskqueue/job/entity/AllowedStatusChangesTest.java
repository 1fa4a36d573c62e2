package io.taskqueue.job.entity;

import static io.taskqueue.job.entity.JobStatus.CANCELLED;
import static io.taskqueue.job.entity.JobStatus.COMPLETED;
import static io.taskqueue.job.entity.JobStatus.DEAD;
import static io.taskqueue.job.entity.JobStatus.QUEUED;
import static io.taskqueue.job.entity.JobStatus.RETRYING;
import static io.taskqueue.job.entity.JobStatus.RUNNING;
import static io.taskqueue.job.entity.JobStatus.SCHEDULED;
import static io.taskqueue.job.entity.JobStatus.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllowedStatusChangesTest {

  /** Every (from, to) pair, written out, so that changing the table means changing this list. */
  private static final Set<String> ALLOWED =
      Set.of(
          "WAITING>QUEUED",
          "WAITING>CANCELLED",
          "SCHEDULED>RUNNING",
          "SCHEDULED>CANCELLED",
          "QUEUED>RUNNING",
          "QUEUED>CANCELLED",
          "RUNNING>QUEUED",
          "RUNNING>RETRYING",
          "RUNNING>COMPLETED",
          "RUNNING>DEAD",
          "RUNNING>CANCELLED",
          "RETRYING>RUNNING",
          "RETRYING>CANCELLED",
          "DEAD>QUEUED",
          "CANCELLED>QUEUED",
          "CANCELLED>WAITING");

  @Test
  void everyPairOfStatusesIsAllowedExactlyWhenTheTableSaysSo() {
    for (JobStatus from : JobStatus.values()) {
      for (JobStatus to : JobStatus.values()) {
        assertEquals(
            ALLOWED.contains(from + ">" + to),
            AllowedStatusChanges.isAllowed(from, to),
            from + " -> " + to);
      }
    }
  }

  @Test
  void completedIsTheOnlyStatusNothingLeaves() {
    for (JobStatus s : JobStatus.values()) {
      assertEquals(s == COMPLETED, s.isFinal(), s.name());
    }
  }

  @Test
  void guardsOfEachMoveListExactlyItsSources() {
    assertEquals(EnumSet.of(SCHEDULED, QUEUED, RETRYING), AllowedStatusChanges.into(RUNNING));
    assertEquals(EnumSet.of(RUNNING), AllowedStatusChanges.into(COMPLETED));
    assertEquals(EnumSet.of(RUNNING), AllowedStatusChanges.into(DEAD));
    assertEquals(
        EnumSet.of(WAITING, SCHEDULED, QUEUED, RUNNING, RETRYING),
        AllowedStatusChanges.into(CANCELLED));
    assertEquals(EnumSet.of(WAITING, RUNNING, DEAD, CANCELLED), AllowedStatusChanges.into(QUEUED));
    assertEquals(EnumSet.of(CANCELLED), AllowedStatusChanges.into(WAITING));
  }

  @Test
  void wireNamesRoundTrip() {
    for (JobStatus s : JobStatus.values()) {
      assertEquals(s, JobStatus.fromWireName(s.wireName()).orElseThrow());
    }
    for (Priority p : Priority.values()) {
      assertEquals(p, Priority.fromWireName(p.wireName()).orElseThrow());
    }
    assertTrue(JobStatus.fromWireName("QUEUED").isEmpty(), "wire names are lower case");
  }
}
