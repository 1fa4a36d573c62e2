package io.taskqueue.duty.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TimedDutyTest {

  /** Works (spins) for at least {@code millis}: a duty of known length, without a sleep. */
  private static Runnable working(long millis) {
    return () -> {
      long until = System.nanoTime() + millis * 1_000_000;
      while (System.nanoTime() - until < 0) {
        Thread.onSpinWait();
      }
    };
  }

  @Test
  void reportsHowLongTheDutyTook() {
    List<Long> reported = new CopyOnWriteArrayList<>();
    new TimedDuty(working(25), reported::add).run();
    assertEquals(1, reported.size());
    assertTrue(reported.get(0) >= 25, "reported " + reported);
  }

  @Test
  void aDutyThatThrowsIsTimedTooAndItsFailureGoesOn() {
    List<Long> reported = new CopyOnWriteArrayList<>();
    Runnable failing =
        () -> {
          working(10).run();
          throw new IllegalStateException("store down");
        };
    IllegalStateException thrown =
        assertThrows(
            IllegalStateException.class, () -> new TimedDuty(failing, reported::add).run());
    assertEquals("store down", thrown.getMessage());
    assertEquals(1, reported.size());
    assertTrue(reported.get(0) >= 10, "reported " + reported);
  }
}
