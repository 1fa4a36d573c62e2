package io.taskqueue.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskqueue.job.entity.JobEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

  @Test
  void manyEventsTravelAsOneMessageAndComeBackOneByOneEvenWithLineBreaksInAnError() {
    JobEvent started = event("job.started", null);
    JobEvent failed = event("job.failed", "boom\n\tat Handler.handle(Handler.java:1)\r\n");

    String message = EventCodec.toLines(List.of(started, failed));
    List<String> lines = EventCodec.lines(message);

    assertEquals(2, lines.size());
    assertEquals(started, EventCodec.fromJson(lines.get(0)).orElseThrow());
    assertEquals(failed, EventCodec.fromJson(lines.get(1)).orElseThrow());
  }

  @Test
  void aMessageOfOneEventAsOlderNodesPublishItIsOneLine() {
    JobEvent one = event("job.completed", null);

    assertEquals(List.of(EventCodec.toJson(one)), EventCodec.lines(EventCodec.toJson(one)));
  }

  private static JobEvent event(String type, String error) {
    return new JobEvent(
        type,
        UUID.randomUUID(),
        "noop",
        "medium",
        "running",
        1,
        "node/w1",
        Instant.parse("2026-11-29T12:00:00Z"),
        12L,
        null,
        error);
  }
}
