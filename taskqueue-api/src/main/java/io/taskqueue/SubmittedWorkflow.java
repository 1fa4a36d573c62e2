package io.taskqueue;

import java.util.Map;
import java.util.UUID;

/**
 * A stored workflow: its id (its jobs' {@code workflowId}, for {@code GET /api/workflows/{id}}) and
 * the id of each of its jobs by key.
 *
 * @param workflowId the workflow's id
 * @param jobs each job's id, by its key, in the order the jobs were added
 */
public record SubmittedWorkflow(UUID workflowId, Map<String, UUID> jobs) {

  /**
   * The id of one job of the workflow.
   *
   * @param key the job's key
   * @return its id
   * @throws IllegalArgumentException when the workflow has no job of that key
   */
  public UUID jobId(String key) {
    UUID id = jobs.get(key);
    if (id == null) {
      throw new IllegalArgumentException("no job '" + key + "' in workflow " + workflowId);
    }
    return id;
  }
}
