package io.taskqueue.worker.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class PrefetchWindowTest {

  private static final long MICRO = 1_000;

  @Test
  void shortJobsAreClaimedManyAtATimeUpToTheBatchLimit() throws Exception {
    PrefetchWindow window = new PrefetchWindow(4, 500);
    settle(window, 10 * MICRO);

    assertEquals(500, window.prefetch(), "4 workers x 20 ms / 10 us is far above the limit");
    assertEquals(500, window.awaitRoom(() -> true));
  }

  @Test
  void slowJobsAreClaimedOnlyForIdleWorkers() throws Exception {
    PrefetchWindow window = new PrefetchWindow(4, 500);
    settle(window, Duration.ofSeconds(2).toNanos());

    assertEquals(0, window.prefetch());
    window.claimed(3);
    assertEquals(1, window.awaitRoom(() -> true), "one worker is idle");
  }

  @Test
  void theClaimerWaitsUntilHalfTheWindowIsUsedUpThenAsksForTheRest() throws Exception {
    PrefetchWindow window = new PrefetchWindow(2, 100);
    settle(window, 10 * MICRO);
    window.claimed(102);
    AtomicBoolean running = new AtomicBoolean(true);

    CompletableFuture<Integer> room =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return window.awaitRoom(running::get);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    for (int i = 0; i < 49; i++) {
      window.finished(10 * MICRO);
    }
    assertTrue(!room.isDone(), "53 of 102 still in flight: more than half");
    // One more crosses the threshold: the waiting claimer's answer cannot depend on when it wakes.
    window.finished(10 * MICRO);
    assertEquals(50, room.get(5, TimeUnit.SECONDS), "room for 50 once 52 are in flight");
  }

  @Test
  void aNewNodeClaimsOnlyForIdleWorkersUntilItHasMeasuredItsJobs() throws Exception {
    PrefetchWindow window = new PrefetchWindow(4, 500);
    assertEquals(0, window.prefetch());
    assertEquals(4, window.awaitRoom(() -> true));
  }

  @Test
  void aStoppedClaimerIsToldThereIsNothingToClaim() throws Exception {
    PrefetchWindow window = new PrefetchWindow(1, 10);
    window.claimed(11);
    assertEquals(0, window.awaitRoom(() -> false));
  }

  /** Feeds enough run times of one length for the moving average to settle on it. */
  private static void settle(PrefetchWindow window, long runNanos) {
    for (int i = 0; i < 500; i++) {
      window.claimed(1);
      window.finished(runNanos);
    }
  }
}
