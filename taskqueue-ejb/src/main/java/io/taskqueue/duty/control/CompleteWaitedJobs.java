package io.taskqueue.duty.control;

/**
 * Completes the {@code CompletionStage}s of the jobs this node's callers wait for that have
 * finished; does nothing (no query) while nobody waits.
 */
public final class CompleteWaitedJobs implements Runnable {

  private final Runnable completeFinished;

  public CompleteWaitedJobs(Runnable completeFinished) {
    this.completeFinished = completeFinished;
  }

  @Override
  public void run() {
    completeFinished.run();
  }
}
