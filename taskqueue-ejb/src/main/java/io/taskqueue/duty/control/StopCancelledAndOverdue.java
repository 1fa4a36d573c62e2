package io.taskqueue.duty.control;

import io.taskqueue.lease.boundary.CancelSignals;
import io.taskqueue.queue.entity.Claim;
import io.taskqueue.worker.control.RunningAttempts;
import io.taskqueue.worker.control.RunningAttempts.Running;
import java.util.Collection;
import java.util.Set;

/**
 * Stops this node's attempts that must not go on: those whose timeout passed, and those a user
 * cancelled (on any node: the cancel request is a signal in Redis). Each is told through {@code
 * JobContext.isCancelled()} and its thread is interrupted.
 */
public final class StopCancelledAndOverdue implements Runnable {

  private final RunningAttempts attempts;
  private final CancelSignals signals;

  public StopCancelledAndOverdue(RunningAttempts attempts, CancelSignals signals) {
    this.attempts = attempts;
    this.signals = signals;
  }

  @Override
  public void run() {
    Collection<Running> running = attempts.snapshot();
    if (running.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    running.stream().filter(r -> r.overdue(now)).forEach(Running::timeOut);
    Set<Claim> cancelled = signals.cancelRequested(running.stream().map(Running::claim).toList());
    running.stream().filter(r -> cancelled.contains(r.claim())).forEach(Running::cancel);
  }
}
