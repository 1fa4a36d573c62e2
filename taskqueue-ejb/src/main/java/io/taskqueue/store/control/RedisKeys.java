package io.taskqueue.store.control;

import io.taskqueue.job.entity.Priority;
import java.util.Arrays;
import java.util.List;

/**
 * Every Redis key taskqueue uses, built in one place. All share the hash tag {@code {prefix}}, so
 * each script's keys live in one slot and the scripts also run on Redis Cluster.
 */
public final class RedisKeys {

  private final String tag;

  public RedisKeys(String prefix) {
    if (prefix == null || prefix.isBlank() || prefix.contains("{") || prefix.contains("}")) {
      throw new IllegalArgumentException("Redis key prefix must be non-blank without braces");
    }
    this.tag = "{" + prefix + "}:";
  }

  public String queue(Priority priority) {
    return tag + "queue:" + priority.wireName();
  }

  public String delayed(Priority priority) {
    return tag + "delayed:" + priority.wireName();
  }

  /** The three priority lists, highest first: the order in which claims take jobs. */
  public List<String> queues() {
    return Arrays.stream(Priority.values()).map(this::queue).toList();
  }

  public List<String> delayedSets() {
    return Arrays.stream(Priority.values()).map(this::delayed).toList();
  }

  /**
   * Jobs of {@code type} that a node without a handler for it took and parked (see {@code
   * park.lua}): "id|priority index", newest first; nodes that run the type take them back.
   */
  public String parked(String type) {
    return tag + "parked:" + type;
  }

  public String inflight() {
    return tag + "inflight";
  }

  public String lease() {
    return tag + "lease";
  }

  public String leaseSequence() {
    return tag + "lease-seq";
  }

  /** The ids in the priority lists, as a set: lets reconciliation ask "does Redis know it?". */
  public String queued() {
    return tag + "queued";
  }

  /**
   * A user's request to stop the attempt of a job that holds lease {@code leaseId}; expires by
   * itself. Keyed by the lease, so it cannot stop a later attempt of the job.
   */
  public String cancel(java.util.UUID jobId, long leaseId) {
    return tag + "cancel:" + jobId + ":" + leaseId;
  }

  public String wake() {
    return tag + "wake";
  }

  /** Set of the keys of paused priority lists; claim.lua skips them. */
  public String paused() {
    return tag + "paused";
  }

  /** The Pub/Sub channel every node publishes its events on. */
  public String events() {
    return tag + "events";
  }

  /**
   * The mark a node leaves when it starts reading every unfinished job into Redis; its absence
   * tells that node Redis lost data since (see {@code queue.boundary.SweepMarks}).
   */
  public String sweptBy(String nodeId) {
    return tag + "swept:" + nodeId;
  }

  /** A node's heartbeat: its threads and counters as JSON, expiring with the node. */
  public String node(String nodeId) {
    return tag + "node:" + nodeId;
  }

  /** Sorted set of node ids scored by heartbeat expiry (ms): finds nodes that died. */
  public String nodes() {
    return tag + "nodes";
  }

  /** A one-time WebSocket ticket, by the hash of its secret; expires by itself. */
  public String wsTicket(String ticketHash) {
    return tag + "ws-ticket:" + ticketHash;
  }
}
