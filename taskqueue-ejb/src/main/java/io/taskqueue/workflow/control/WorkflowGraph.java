package io.taskqueue.workflow.control;

import io.taskqueue.workflow.entity.InvalidWorkflowException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The dependencies of one submission, checked before anything is stored: keys are unique and well
 * formed, every parent is a key of this submission or the id of a stored job (whether that job
 * exists is the caller's to check), and the jobs of the submission form no cycle.
 */
public final class WorkflowGraph {

  static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  private final List<List<Integer>> parentsInside = new ArrayList<>();
  private final List<Set<UUID>> parentsStored = new ArrayList<>();
  private final boolean[] hasChildren;

  private WorkflowGraph(int size) {
    hasChildren = new boolean[size];
  }

  /**
   * The graph of jobs named {@code keys} (null: a job no other job names as a parent) with the
   * parents each names; refuses keys, parents and cycles as {@link InvalidWorkflowException}.
   */
  public static WorkflowGraph of(List<String> keys, List<List<String>> parents, int maxParents) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      if (key == null) {
        continue;
      }
      if (!KEY.matcher(key).matches()) {
        throw new InvalidWorkflowException(
            "invalid-workflow",
            "job " + i + ": key must be 1 to 100 letters, digits, '.', '_', ':' or '-'");
      }
      if (index.put(key, i) != null) {
        throw new InvalidWorkflowException(
            "duplicate-key", "key '" + key + "' names two jobs; keys must be unique");
      }
    }
    WorkflowGraph graph = new WorkflowGraph(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      List<String> named = parents.get(i);
      if (named.size() > maxParents) {
        throw new InvalidWorkflowException(
            "invalid-workflow",
            "job " + label(keys, i) + " has more than " + maxParents + " parents");
      }
      List<Integer> inside = new ArrayList<>();
      Set<UUID> stored = new LinkedHashSet<>();
      for (String parent : new LinkedHashSet<>(named)) {
        Integer local = parent == null ? null : index.get(parent);
        if (local != null) {
          inside.add(local);
          graph.hasChildren[local] = true;
        } else {
          stored.add(storedId(parent, keys, i));
        }
      }
      graph.parentsInside.add(inside);
      graph.parentsStored.add(stored);
    }
    graph.refuseCycles(keys);
    return graph;
  }

  private static UUID storedId(String parent, List<String> keys, int child) {
    try {
      return UUID.fromString(parent);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidWorkflowException(
          "unknown-parent",
          "job "
              + label(keys, child)
              + " names parent '"
              + parent
              + "', which is neither a key in this workflow nor a job id");
    }
  }

  /** Kahn's algorithm: whatever is left once no job without parents remains is in a cycle. */
  private void refuseCycles(List<String> keys) {
    int n = parentsInside.size();
    int[] waiting = new int[n];
    List<List<Integer>> children = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      children.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      waiting[i] = parentsInside.get(i).size();
      for (int parent : parentsInside.get(i)) {
        children.get(parent).add(i);
      }
    }
    Deque<Integer> ready = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    int done = 0;
    while (!ready.isEmpty()) {
      done++;
      for (int child : children.get(ready.poll())) {
        if (--waiting[child] == 0) {
          ready.add(child);
        }
      }
    }
    if (done < n) {
      List<String> inCycle = new ArrayList<>();
      for (int i = 0; i < n && inCycle.size() < 10; i++) {
        if (waiting[i] > 0) {
          inCycle.add(label(keys, i));
        }
      }
      throw new InvalidWorkflowException(
          "dependency-cycle",
          "the jobs' parents form a cycle; jobs in or after it: " + String.join(", ", inCycle));
    }
  }

  private static String label(List<String> keys, int i) {
    return keys.get(i) != null ? "'" + keys.get(i) + "'" : "#" + i;
  }

  public List<Integer> parentsInside(int job) {
    return parentsInside.get(job);
  }

  public Set<UUID> parentsStored(int job) {
    return parentsStored.get(job);
  }

  public boolean hasChildren(int job) {
    return hasChildren[job];
  }

  public int size() {
    return parentsInside.size();
  }
}
