package io.taskqueue.workflow.entity;

import java.util.List;
import java.util.UUID;

/** A job's parents and children, each with its status now, and the workflow it belongs to. */
public record DependenciesView(
    UUID workflowId, List<RelativeView> parents, List<RelativeView> children) {

  public record RelativeView(UUID id, String key, String type, String status) {

    public static RelativeView of(Relative r) {
      return new RelativeView(r.id(), r.key(), r.type(), r.status().wireName());
    }
  }
}
