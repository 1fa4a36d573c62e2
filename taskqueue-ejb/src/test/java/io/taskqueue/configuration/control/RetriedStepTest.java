package io.taskqueue.configuration.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetriedStepTest {

  private final List<Duration> pauses = new ArrayList<>();
  private final RetriedStep step = new RetriedStep("test step", pauses::add);

  @Test
  void aFailingStepIsTriedAgainWithPausesThatDoubleUpToThirtySecondsUntilItSucceeds() {
    AtomicInteger tries = new AtomicInteger();

    boolean done =
        step.runUntilDone(
            () -> {
              if (tries.incrementAndGet() < 8) {
                throw new IllegalStateException(
                    "wrapped",
                    new SQLException(
                        "Connection to 127.0.0.1:5432 refused.", "08001", new ConnectException()));
              }
            },
            () -> true);

    assertTrue(done);
    assertEquals(8, tries.get());
    assertEquals(
        List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L), pauses.stream().map(Duration::toSeconds).toList());
    assertNull(step.problem(), "nothing is awaited once it succeeded");
  }

  @Test
  void whileItFailsTheProblemNamesTheDeepestCause() {
    AtomicInteger tries = new AtomicInteger();

    boolean done =
        step.runUntilDone(
            () -> {
              throw new IllegalStateException(
                  "Could not migrate", new SQLException("Connection refused\nmore", "08001"));
            },
            () -> tries.incrementAndGet() <= 2);

    assertFalse(done, "stopped by the application, not by giving up");
    assertEquals("SQLException: Connection refused", step.problem());
    assertEquals(2, pauses.size());
  }

  @Test
  void anInterruptStopsTheRetriesAndIsKept() {
    RetriedStep interrupted =
        new RetriedStep(
            "test step",
            length -> {
              throw new InterruptedException();
            });

    boolean done =
        interrupted.runUntilDone(
            () -> {
              throw new IllegalStateException("down");
            },
            () -> true);

    assertFalse(done);
    assertTrue(Thread.interrupted(), "the interrupt is kept for the thread's owner");
  }
}
