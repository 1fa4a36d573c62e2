package io.taskqueue.duty.control;

/**
 * Writes the progress and log lines handlers reported since the last run, so that a running job's
 * page shows them within about half a second, in one write per job however often they report.
 */
public final class FlushJobTelemetry implements Runnable {

  private final Runnable flush;

  public FlushJobTelemetry(Runnable flush) {
    this.flush = flush;
  }

  @Override
  public void run() {
    flush.run();
  }
}
