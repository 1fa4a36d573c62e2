package io.taskqueue.client.entity;

import java.util.List;
import java.util.UUID;

/** A job's parents and children, and its workflow. */
public record Dependencies(UUID workflowId, List<Relative> parents, List<Relative> children) {}
