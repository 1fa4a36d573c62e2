package io.taskqueue.client.entity;

import java.util.List;
import java.util.UUID;

/** The ids of a batch, in the order submitted. */
public record BatchSubmitted(Integer count, List<UUID> ids) {}
