package io.taskqueue.worker.control;

import io.taskqueue.job.control.RefusedData;
import io.taskqueue.store.control.StoreErrors;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Records an outcome, retrying while PostgreSQL is unreachable (a restart, a failover) for up to
 * {@link #PATIENCE}. The leases stay renewed meanwhile, so the jobs are neither lost nor run again;
 * after that the write fails, the leases are left to expire and the jobs are recovered. A write
 * whose data PostgreSQL refused ({@link RefusedData}) fails at once: it would fail the same way for
 * five minutes, holding every other outcome of its node back meanwhile.
 */
final class Durably {

  static final Duration PATIENCE = Duration.ofMinutes(5);
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
  private static final Logger LOG = Logger.getLogger(Durably.class.getName());

  private Durably() {}

  static <T> T write(Supplier<T> write, StoreErrors errors) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      try {
        return write.get();
      } catch (RuntimeException e) {
        errors.record(e);
        if (RefusedData.isCauseOf(e) || System.nanoTime() > deadline) {
          throw e;
        }
        LOG.warning(() -> "Could not record an outcome, retrying: " + e);
        try {
          Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
