package io.taskqueue.duty.control;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GuardedDutyTest {

  @Test
  void aDutyThatThrowsAnErrorIsRecordedAndStillScheduledAgain() {
    AtomicInteger runs = new AtomicInteger();
    List<Throwable> recorded = new CopyOnWriteArrayList<>();
    Runnable dying =
        () -> {
          runs.incrementAndGet();
          throw new StackOverflowError("recursion");
        };
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      ScheduledFuture<?> task =
          scheduler.scheduleWithFixedDelay(
              new GuardedDuty(dying, recorded::add), 0, 10, TimeUnit.MILLISECONDS);

      await().atMost(5, SECONDS).until(() -> runs.get() >= 3);
      assertFalse(task.isDone(), "still scheduled");
      assertTrue(recorded.stream().allMatch(e -> e instanceof StackOverflowError));
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void aFailureWhileRecordingAFailureDoesNotEndTheSchedule() {
    AtomicInteger runs = new AtomicInteger();
    Runnable failing =
        () -> {
          runs.incrementAndGet();
          throw new IllegalStateException("store away");
        };
    GuardedDuty guarded =
        new GuardedDuty(
            failing,
            e -> {
              throw new OutOfMemoryError("no room to record it");
            });

    guarded.run();
    guarded.run();

    assertTrue(runs.get() == 2);
  }
}
