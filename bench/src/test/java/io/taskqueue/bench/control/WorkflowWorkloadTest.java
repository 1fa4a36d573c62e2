package io.taskqueue.bench.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class WorkflowWorkloadTest {

  @Test
  void theWorkflowHasOneRootItsChildrenAndTheirChildren() {
    JsonObject body = TaskqueueApi.parse(WorkflowWorkload.body());
    assertEquals(10_000, body.getJsonArray("jobs").size());
    JsonObject grandchild = body.getJsonArray("jobs").getJsonObject(2);
    assertEquals("c0-0", grandchild.getString("key"));
    assertEquals("c0", grandchild.getJsonArray("parents").getString(0));
  }

  @Test
  void aGrandchildsLagIsItsStartAfterItsParentsFinish() {
    JsonObject workflow =
        TaskqueueApi.parse(
            "{\"jobs\":[{\"id\":\"1\",\"key\":\"c0\",\"parents\":[],"
                + "\"finishedAt\":\"2026-01-01T00:00:00Z\",\"startedAt\":\"2026-01-01T00:00:00Z\"},"
                + "{\"id\":\"2\",\"key\":\"c0-0\",\"parents\":[\"1\"],"
                + "\"startedAt\":\"2026-01-01T00:00:00.250Z\"}]}");
    assertArrayEquals(new double[] {250.0}, WorkflowWorkload.grandchildLags(workflow), 0.001);
  }
}
