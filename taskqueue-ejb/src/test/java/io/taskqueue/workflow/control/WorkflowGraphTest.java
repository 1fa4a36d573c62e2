package io.taskqueue.workflow.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.workflow.entity.InvalidWorkflowException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WorkflowGraphTest {

  @Test
  void fanOutAndFanInAreAcceptedWithTheirParentsAndChildren() {
    UUID stored = UUID.randomUUID();
    WorkflowGraph graph =
        WorkflowGraph.of(
            Arrays.asList("fetch", "left", "right", "join", null),
            List.of(
                List.of(),
                List.of("fetch"),
                List.of("fetch", stored.toString()),
                List.of("left", "right", "left"),
                List.of()),
            10);
    assertEquals(List.of(0), graph.parentsInside(1));
    assertEquals(Set.of(stored), graph.parentsStored(2));
    assertEquals(List.of(1, 2), graph.parentsInside(3), "a parent named twice counts once");
    assertTrue(graph.hasChildren(0) && graph.hasChildren(1) && graph.hasChildren(2));
    assertFalse(graph.hasChildren(3) || graph.hasChildren(4));
  }

  @Test
  void aCycleIsRefusedNamingTheJobsInIt() {
    InvalidWorkflowException e =
        refused(
            List.of("a", "b", "c", "d"),
            List.of(List.of("c"), List.of("a"), List.of("b"), List.of()));
    assertEquals("dependency-cycle", e.reason());
    assertTrue(e.getMessage().contains("'a', 'b', 'c'"), e.getMessage());
    assertEquals("dependency-cycle", refused(List.of("self"), List.of(List.of("self"))).reason());
  }

  @Test
  void aParentThatIsNeitherAKeyNorAnIdIsRefused() {
    InvalidWorkflowException e = refused(List.of("a"), List.of(List.of("nope")));
    assertEquals("unknown-parent", e.reason());
    assertTrue(e.getMessage().contains("'nope'"));
  }

  @Test
  void keysMustBeUniqueAndWellFormed() {
    assertEquals(
        "duplicate-key", refused(List.of("a", "a"), List.of(List.of(), List.of())).reason());
    assertEquals("invalid-workflow", refused(List.of("a b"), List.of(List.of())).reason());
  }

  @Test
  void aJobMayNameOnlySoManyParents() {
    List<String> keys = List.of("a", "b", "c");
    assertEquals(
        "invalid-workflow",
        assertThrows(
                InvalidWorkflowException.class,
                () -> WorkflowGraph.of(keys, List.of(List.of(), List.of(), List.of("a", "b")), 1))
            .reason());
  }

  private static InvalidWorkflowException refused(List<String> keys, List<List<String>> parents) {
    return assertThrows(InvalidWorkflowException.class, () -> WorkflowGraph.of(keys, parents, 10));
  }
}
