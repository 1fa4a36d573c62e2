package io.taskqueue.worker.control;

import io.taskqueue.queue.entity.Claim;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The leases this node's workers hold right now: the attempts whose leases the heartbeat renews
 * ({@link io.taskqueue.schedule.control.RenewLeases}).
 */
@ApplicationScoped
public class ActiveLeases {

  private final Set<Claim> held = ConcurrentHashMap.newKeySet();

  public void track(Claim claim) {
    held.add(claim);
  }

  public void untrack(Claim claim) {
    held.remove(claim);
  }

  public Collection<Claim> snapshot() {
    return List.copyOf(held);
  }
}
