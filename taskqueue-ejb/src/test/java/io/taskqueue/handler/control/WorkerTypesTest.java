package io.taskqueue.handler.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkerTypesTest {

  private final Set<String> handled = Set.of("email", "report", "echo");

  @Test
  void unsetOrBlankRunsEveryTypeWithAHandler() {
    for (WorkerTypes all :
        List.of(WorkerTypes.of(Optional.empty()), WorkerTypes.of(Optional.of(" , ")))) {
      assertTrue(all.runs("email", handled));
      assertTrue(all.runs("echo", handled));
      assertFalse(all.runs("image", handled), "no handler: never");
      all.requireHandled(handled);
    }
  }

  @Test
  void aRestrictedNodeRunsOnlyTheNamedTypes() {
    WorkerTypes only = WorkerTypes.of(Optional.of(" report,echo "));
    assertTrue(only.runs("report", handled));
    assertTrue(only.runs("echo", handled));
    assertFalse(only.runs("email", handled), "left to other nodes");
  }

  @Test
  void aNamedTypeWithoutAHandlerFailsTheDeploymentNamingIt() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> WorkerTypes.of(Optional.of("emial")).requireHandled(handled));
    assertTrue(e.getMessage().contains("'emial'"), e.getMessage());
    assertEquals(true, e.getMessage().contains("taskqueue.workers.types"));
  }
}
