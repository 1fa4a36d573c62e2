package io.taskqueue.client.entity;

import java.util.List;

/** The live nodes. */
public record Workers(List<Node> nodes) {}
