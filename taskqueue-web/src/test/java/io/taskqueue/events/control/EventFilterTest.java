package io.taskqueue.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.events.entity.Subscription;
import io.taskqueue.job.entity.EventType;
import io.taskqueue.job.entity.JobEvent;
import io.taskqueue.job.entity.Priority;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventFilterTest {

  private final UUID id = UUID.randomUUID();

  @Test
  void anEmptyFilterMatchesEveryEventIncludingWorkerAndQueueEvents() {
    EventFilter all = EventFilter.fromQuery(null, "", null);
    assertTrue(all.matches(job("job.created", "email", id)));
    assertTrue(all.matches(JobEvent.ofWorker(EventType.WORKER_UP, "n:1", "running")));
    assertTrue(all.matches(JobEvent.ofQueue(EventType.QUEUE_PAUSED, Priority.LOW, "paused")));
  }

  @Test
  void partsCombineWithAndAndTypesMayEndInAWildcard() {
    EventFilter f = EventFilter.fromQuery("job.*", "email, report", id.toString());
    assertTrue(f.matches(job("job.completed", "email", id)));
    assertFalse(f.matches(job("job.completed", "resize", id)));
    assertFalse(f.matches(job("job.completed", "email", UUID.randomUUID())));
    assertFalse(f.matches(JobEvent.ofWorker(EventType.WORKER_DOWN, "n:1", "lost")));
  }

  @Test
  void aJobTypeOrIdFilterNeverMatchesEventsWithoutOne() {
    EventFilter f = EventFilter.fromQuery(null, "email", null);
    assertFalse(f.matches(JobEvent.ofWorker(EventType.WORKER_UP, "n:1", "running")));
  }

  @Test
  void badValuesAreRefusedWithAMessageForTheClient() {
    var unknown =
        assertThrows(IllegalArgumentException.class, () -> EventFilter.fromQuery("job.x", "", ""));
    assertTrue(unknown.getMessage().startsWith("unknown event type 'job.x'"));
    assertThrows(IllegalArgumentException.class, () -> EventFilter.fromQuery("nothing.*", "", ""));
    assertEquals(
        "not a job id: '42'",
        assertThrows(IllegalArgumentException.class, () -> EventFilter.fromQuery("", "", "42"))
            .getMessage());
    List<String> tooMany = Collections.nCopies(EventFilter.MAX_VALUES + 1, "email");
    assertThrows(
        IllegalArgumentException.class,
        () -> EventFilter.of(new Subscription("subscribe", null, tooMany, null)));
  }

  @Test
  void theFilterDescribesItselfBack() {
    Subscription s = EventFilter.fromQuery("job.dead", null, id.toString()).describe();
    assertEquals("subscribed", s.action());
    assertEquals(List.of("job.dead"), s.types());
    assertEquals(List.of(id.toString()), s.jobIds());
  }

  private static JobEvent job(String type, String jobType, UUID jobId) {
    return new JobEvent(
        type, jobId, jobType, "medium", "queued", 0, null, Instant.now(), null, null, null);
  }
}
