package io.taskqueue.worker.boundary;

import io.taskqueue.handler.boundary.ClusterTypes;
import io.taskqueue.handler.boundary.JobHandlers;
import io.taskqueue.worker.control.WorkerRegistry;
import io.taskqueue.worker.entity.NodeHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** The nodes whose heartbeat is live, each with its threads and counters, as the API shows them. */
@ApplicationScoped
public class LiveNodes {

  @Inject WorkerRegistry registry;
  @Inject JobHandlers handlers;
  @Inject ClusterTypes types;
  @Inject WorkerPool workers;

  public List<NodeHealth> all() {
    return registry.liveNodes();
  }

  /**
   * Why a queued job of {@code type} waits, when it is because no live node runs its type (this
   * node's workers do not, and no node renewed it in the registry lately); empty otherwise.
   */
  public Optional<String> noNodeRuns(String type) {
    boolean here = handlers.runs(type) && workers.isStarted() && workers.size() > 0;
    if (here || types.liveNodeRuns(type)) {
      return Optional.empty();
    }
    return Optional.of(
        "no live node runs type '"
            + type
            + "': the job waits, queued, until a node that runs it is up");
  }
}
