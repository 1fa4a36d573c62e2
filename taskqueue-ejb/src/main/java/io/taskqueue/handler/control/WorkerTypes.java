package io.taskqueue.handler.control;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which job types a node's workers run: those it has handlers for, or only those {@code
 * taskqueue.workers.types} names (comma-separated), each of which must have a handler here.
 */
public record WorkerTypes(List<String> only) {

  /**
   * The setting as configured, comma-separated; blanks are ignored, an unset or empty one restricts
   * nothing. (Read as one string: Payara's MicroProfile Config cannot inject an {@code
   * Optional<List<String>>}.)
   */
  public static WorkerTypes of(Optional<String> configured) {
    return new WorkerTypes(
        Arrays.stream(configured.orElse("").split(","))
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .toList());
  }

  /** Throws naming the first configured type without a handler among {@code handled}. */
  public void requireHandled(Set<String> handled) {
    for (String type : only) {
      if (!handled.contains(type)) {
        throw new IllegalStateException(
            "taskqueue.workers.types names '"
                + type
                + "', for which this deployment has no enabled handler; it has: "
                + String.join(", ", handled));
      }
    }
  }

  /** Whether the workers run {@code type}, of which {@code handled} are the types with handlers. */
  public boolean runs(String type, Collection<String> handled) {
    return handled.contains(type) && (only.isEmpty() || only.contains(type));
  }
}
