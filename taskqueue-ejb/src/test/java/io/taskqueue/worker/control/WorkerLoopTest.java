package io.taskqueue.worker.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.StartedAttempt;
import io.taskqueue.queue.entity.Claim;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerLoopTest {

  @Test
  void anErrorEscapingAnExecutionIsRecordedAndTheLoopServesTheNextJob() throws Exception {
    ClaimFeed feed = mock(ClaimFeed.class);
    JobExecution execution = mock(JobExecution.class);
    ClaimedAttempt first = claimed();
    ClaimedAttempt second = claimed();
    when(feed.next(any(Duration.class))).thenReturn(first, second, null);
    AtomicInteger runs = new AtomicInteger();
    when(execution.run(any(), anyString()))
        .thenAnswer(
            call -> {
              if (runs.incrementAndGet() == 1) {
                throw new NoClassDefFoundError("com/example/Gone");
              }
              return ExecutionOutcome.COMPLETED;
            });
    List<Throwable> recorded = new CopyOnWriteArrayList<>();
    WorkerState state = new WorkerState("node/w1");

    new WorkerLoop(
            state, feed, new PrefetchWindow(1, 10), execution, () -> runs.get() < 2, recorded::add)
        .run();

    assertEquals(2, runs.get(), "the second job ran on the same thread");
    assertTrue(recorded.stream().anyMatch(e -> e instanceof NoClassDefFoundError), "" + recorded);
  }

  private static ClaimedAttempt claimed() {
    UUID id = UUID.randomUUID();
    return new ClaimedAttempt(
        new Claim(id, Priority.MEDIUM, 1, 0),
        new StartedAttempt(id, "work", "{}", Priority.MEDIUM, 1, 3, null, null, Instant.now()));
  }
}
