package io.taskqueue.lease.control;

import io.taskqueue.queue.entity.Claim;
import java.time.Duration;
import java.util.Collection;

/**
 * The leases a node holds, as the heartbeat sees them: implemented by the node's workers, so that
 * the lease feature knows nothing of threads.
 */
public interface HeldLeases {

  Collection<Claim> claims();

  /** The lease was renewed, by a call that started at {@code fromNanos}, for {@code lease}. */
  void renewed(Claim claim, long fromNanos, Duration lease);

  /** The lease was lost (recovered by another node): this node no longer holds it. */
  void lost(Claim claim);
}
