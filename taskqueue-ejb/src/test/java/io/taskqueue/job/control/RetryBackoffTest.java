package io.taskqueue.job.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  private final RetryBackoff backoff =
      new RetryBackoff(Duration.ofSeconds(5), 2, Duration.ofHours(1), 0.2);

  @Test
  void delayDoublesWithEachFailedAttemptWithoutJitter() {
    RandomGenerator middle = fixed(0.5);
    assertEquals(Duration.ofSeconds(5), backoff.delayAfter(1, middle));
    assertEquals(Duration.ofSeconds(10), backoff.delayAfter(2, middle));
    assertEquals(Duration.ofSeconds(20), backoff.delayAfter(3, middle));
    assertEquals(Duration.ofSeconds(40), backoff.delayAfter(4, middle));
  }

  @Test
  void jitterStaysWithinTwentyPercentEitherWay() {
    SplittableRandom random = new SplittableRandom(42);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 10_000; i++) {
      long ms = backoff.delayAfter(3, random).toMillis();
      min = Math.min(min, ms);
      max = Math.max(max, ms);
    }
    assertTrue(min >= 16_000 && min < 16_500, "min " + min);
    assertTrue(max <= 24_000 && max > 23_500, "max " + max);
  }

  @Test
  void aPolicyOfItsOwnSetsTheGrowthAndThePartsItLeavesOutComeFromTheDefaults() {
    io.taskqueue.job.entity.RetryPolicy defaults =
        new io.taskqueue.job.entity.RetryPolicy(5_000L, 2.0, 3_600_000L, 0.2);
    RetryBackoff own =
        RetryBackoff.of(
            new io.taskqueue.job.entity.RetryPolicy(100L, 3.0, null, 0.0).orElse(defaults));
    assertEquals(Duration.ofMillis(100), own.delayAfter(1, fixed(0.5)));
    assertEquals(Duration.ofMillis(900), own.delayAfter(3, fixed(0.9)));
    assertEquals(Duration.ofHours(1), own.max());
  }

  @Test
  void delayIsCappedAtTheMaximum() {
    assertEquals(Duration.ofHours(1), backoff.delayAfter(60, fixed(0.5)));
  }

  @Test
  void rejectsNonsense() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetryBackoff(Duration.ofSeconds(5), 2, Duration.ofSeconds(1), 0.2));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetryBackoff(Duration.ofSeconds(5), 2, Duration.ofSeconds(10), 1.5));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RetryBackoff(Duration.ofSeconds(5), 0.5, Duration.ofSeconds(10), 0.1));
  }

  private static RandomGenerator fixed(double value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public double nextDouble() {
        return value;
      }
    };
  }
}
