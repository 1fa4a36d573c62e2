package io.taskqueue.duty.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskqueue.recurring.entity.FiredRound;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The duties that drain schedules and releases: nothing when nothing is due, else until done. */
class DrainingDutiesTest {

  @Test
  void nothingDueOpensNoRound() {
    AtomicInteger rounds = new AtomicInteger();
    new FireDueSchedules(
            () -> false,
            b -> {
              rounds.incrementAndGet();
              return new FiredRound(0, List.of());
            },
            100,
            Duration.ofSeconds(5),
            System::nanoTime)
        .run();
    new ReleaseWaitingJobs(
            () -> false,
            b -> rounds.incrementAndGet(),
            100,
            Duration.ofSeconds(5),
            System::nanoTime)
        .run();
    assertEquals(0, rounds.get());
  }

  @Test
  void fullBatchesAreFollowedByAnotherUntilOneIsNotFull() {
    Deque<Integer> due = new ArrayDeque<>(List.of(100, 100, 37, 100));
    new FireDueSchedules(
            () -> true,
            b -> new FiredRound(due.poll(), List.of()),
            100,
            Duration.ofSeconds(5),
            System::nanoTime)
        .run();
    assertEquals(List.of(100), List.copyOf(due), "stopped after the partial batch");

    Deque<Integer> marks = new ArrayDeque<>(List.of(1000, 3, 0, 5));
    new ReleaseWaitingJobs(
            () -> true, b -> marks.poll(), 1000, Duration.ofSeconds(5), System::nanoTime)
        .run();
    assertEquals(List.of(5), List.copyOf(marks), "stopped once a batch found nothing");
  }

  @Test
  void theBudgetEndsARunThatWouldGoOn() {
    AtomicLong clock = new AtomicLong();
    AtomicInteger rounds = new AtomicInteger();
    new ReleaseWaitingJobs(
            () -> true,
            b -> {
              rounds.incrementAndGet();
              clock.addAndGet(Duration.ofSeconds(2).toNanos());
              return b;
            },
            10,
            Duration.ofSeconds(5),
            clock::get)
        .run();
    assertEquals(3, rounds.get());
  }
}
