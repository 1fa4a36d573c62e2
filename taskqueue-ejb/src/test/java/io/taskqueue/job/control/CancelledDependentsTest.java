package io.taskqueue.job.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskqueue.job.entity.JobStatus;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CancelledDependentsTest {

  private final UUID retried = UUID.randomUUID();
  private final UUID child = UUID.randomUUID();
  private final UUID grandchild = UUID.randomUUID();
  private final UUID otherParent = UUID.randomUUID();

  @Test
  void aLineCancelledByTheRetriedParentWaitsAgainWhenItsOtherParentsCompletedOrRun() {
    Map<UUID, Map<UUID, JobStatus>> parentsOf =
        Map.of(
            child, Map.of(retried, JobStatus.QUEUED, otherParent, JobStatus.COMPLETED),
            grandchild, Map.of(child, JobStatus.CANCELLED, otherParent, JobStatus.RUNNING));

    assertEquals(Set.of(child, grandchild), CancelledDependents.keepable(retried, parentsOf));
  }

  @Test
  void aJobWithAnotherDeadParentStaysCancelledAndSoDoesWhatWaitsOnIt() {
    Map<UUID, Map<UUID, JobStatus>> parentsOf =
        Map.of(
            child, Map.of(retried, JobStatus.QUEUED, otherParent, JobStatus.DEAD),
            grandchild, Map.of(child, JobStatus.CANCELLED));

    assertEquals(
        Set.of(),
        CancelledDependents.keepable(retried, parentsOf),
        "the other dead parent would never release it: it would wait for ever");
  }
}
