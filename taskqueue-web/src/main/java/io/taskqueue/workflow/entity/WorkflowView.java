package io.taskqueue.workflow.entity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A workflow: how many of its jobs are in each status, and each job with its parents' ids. */
public record WorkflowView(UUID id, Map<String, Long> statuses, List<Member> jobs) {

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
