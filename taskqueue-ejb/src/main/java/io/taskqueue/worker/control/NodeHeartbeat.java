package io.taskqueue.worker.control;

import io.taskqueue.job.entity.EventType;
import io.taskqueue.job.entity.JobEvent;
import io.taskqueue.worker.entity.NodeHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A background task: writes this node's heartbeat (its threads' states) with a TTL, and announces
 * {@code worker.down} for any node whose heartbeat expired, so a killed node is reported by the
 * survivors.
 */
public final class NodeHeartbeat implements Runnable {

  private static final Logger LOG = Logger.getLogger(NodeHeartbeat.class.getName());

  private final WorkerRegistry registry;
  private final Supplier<NodeHealth> health;
  private final Duration ttl;
  private final Consumer<List<JobEvent>> announce;

  public NodeHeartbeat(
      WorkerRegistry registry,
      Supplier<NodeHealth> health,
      Duration ttl,
      Consumer<List<JobEvent>> announce) {
    this.registry = registry;
    this.health = health;
    this.ttl = ttl;
    this.announce = announce;
  }

  @Override
  public void run() {
    NodeHealth node = health.get();
    registry.beat(node, ttl);
    List<String> gone = registry.takeExpired(Instant.now().toEpochMilli());
    for (String nodeId : gone) {
      LOG.warning(() -> "Node " + nodeId + " stopped beating: reported down");
      announce.accept(List.of(JobEvent.ofWorker(EventType.WORKER_DOWN, nodeId, "lost")));
    }
  }
}
