package io.taskqueue.workflow.entity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A page of a workflow: how many of all its jobs are in each status, and up to a page of its jobs
 * with their parents' ids, in submission order; {@code nextCursor} asks for the next page ({@code
 * ?after=}), absent on the last.
 */
public record WorkflowView(
    UUID id, Map<String, Long> statuses, List<Member> jobs, String nextCursor) {

  /** One job of the workflow. */
  public record Member(
      UUID id,
      String key,
      String type,
      String status,
      List<UUID> parents,
      OffsetDateTime createdAt,
      OffsetDateTime startedAt,
      OffsetDateTime finishedAt) {}
}
