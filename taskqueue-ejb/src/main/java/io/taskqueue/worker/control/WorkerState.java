package io.taskqueue.worker.control;

import io.taskqueue.worker.entity.WorkerHealth;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** What one worker thread is doing, written by the thread, read by the heartbeat. */
public final class WorkerState {

  private final String workerId;
  private final Instant startedAt = Instant.now();
  private final AtomicLong processed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private volatile UUID currentJob;
  private volatile Instant jobStartedAt;

  public WorkerState(String workerId) {
    this.workerId = workerId;
  }

  public String workerId() {
    return workerId;
  }

  void busyWith(UUID jobId) {
    jobStartedAt = Instant.now();
    currentJob = jobId;
  }

  void finished(ExecutionOutcome outcome) {
    currentJob = null;
    jobStartedAt = null;
    if (outcome == ExecutionOutcome.NOT_RUN) {
      return;
    }
    processed.incrementAndGet();
    if (outcome.failed()) {
      failed.incrementAndGet();
    }
    if (outcome == ExecutionOutcome.RETRYING) {
      retried.incrementAndGet();
    }
  }

  public boolean isBusy() {
    return currentJob != null;
  }

  public WorkerHealth snapshot() {
    UUID job = currentJob;
    return new WorkerHealth(
        workerId,
        job == null ? "idle" : "busy",
        job,
        job == null ? null : jobStartedAt,
        processed.get(),
        failed.get(),
        retried.get(),
        startedAt);
  }
}
