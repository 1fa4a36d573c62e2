package io.taskqueue.worker.boundary;

import io.taskqueue.worker.control.WorkerRegistry;
import io.taskqueue.worker.entity.NodeHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The nodes whose heartbeat is live, each with its threads and counters, as the API shows them. */
@ApplicationScoped
public class LiveNodes {

  @Inject WorkerRegistry registry;

  public List<NodeHealth> all() {
    return registry.liveNodes();
  }
}
