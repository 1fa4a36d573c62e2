package io.taskqueue.retention.entity;

import java.time.Instant;
import java.util.Map;

/**
 * The last round that took the pruning turn, on any node.
 *
 * @param node the node that ran it
 * @param startedAt when it started
 * @param durationMs how long it took, pauses included
 * @param removed rows removed per kind (see {@link PruneReport#removed()})
 * @param complete false when it stopped at its time budget with more to remove
 */
public record RetentionRun(
    String node, Instant startedAt, long durationMs, Map<String, Long> removed, boolean complete) {}
