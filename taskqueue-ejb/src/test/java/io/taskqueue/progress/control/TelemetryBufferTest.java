package io.taskqueue.progress.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.LogLevel;
import io.taskqueue.progress.entity.PendingTelemetry;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TelemetryBufferTest {

  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private final UUID job = UUID.randomUUID();

  @Test
  void aTightProgressLoopLeavesOneReportPerAttemptForTheNextFlush() {
    TelemetryBuffer buffer = new TelemetryBuffer(100, 100);
    for (int i = 0; i <= 100_000; i++) {
      buffer.progress(job, "t", 1, i / 1000, "at " + i, NOW);
    }
    buffer.progress(job, "t", 2, 7, "second attempt", NOW);
    PendingTelemetry pending = buffer.drain();
    assertEquals(2, pending.progress().size());
    assertEquals(100, pending.progress().get(0).percent());
    assertEquals("at 100000", pending.progress().get(0).message());
    assertTrue(buffer.drain().isEmpty(), "drained");
  }

  @Test
  void percentIsClampedAndMessagesAreCut() {
    TelemetryBuffer buffer = new TelemetryBuffer(100, 10);
    buffer.progress(job, "t", 1, 250, "x".repeat(600), NOW);
    buffer.log(job, 1, LogLevel.WARN, "y".repeat(50), NOW);
    PendingTelemetry pending = buffer.drain();
    assertEquals(100, pending.progress().get(0).percent());
    assertEquals(
        TelemetryBuffer.MAX_PROGRESS_MESSAGE, pending.progress().get(0).message().length());
    assertEquals(10, pending.lines().get(0).message().length());
    assertTrue(pending.lines().get(0).message().endsWith("…"));
  }

  @Test
  void aNulCharacterWhichPostgresTextCannotHoldIsReplaced() {
    TelemetryBuffer buffer = new TelemetryBuffer(100, 100);
    buffer.log(job, 1, LogLevel.INFO, "a\u0000b", NOW);
    buffer.progress(job, "t", 1, 5, "c\u0000", NOW);
    PendingTelemetry pending = buffer.drain();
    assertEquals("a\uFFFDb", pending.lines().get(0).message());
    assertEquals("c\uFFFD", pending.progress().get(0).message());
  }

  @Test
  void linesBeyondWhatTheBufferHoldsAreCountedPerJobNotKept() {
    TelemetryBuffer buffer = new TelemetryBuffer(3, 100);
    UUID other = UUID.randomUUID();
    for (int i = 0; i < 5; i++) {
      buffer.log(job, 1, LogLevel.INFO, "line " + i, NOW);
    }
    buffer.log(other, 1, null, null, NOW);
    PendingTelemetry pending = buffer.drain();
    assertEquals(3, pending.lines().size());
    assertEquals(Map.of(job, 2, other, 1), pending.dropped());
    buffer.log(other, 1, null, null, NOW);
    PendingTelemetry next = buffer.drain();
    assertEquals(LogLevel.INFO, next.lines().get(0).level(), "a line without a level is info");
    assertEquals("", next.lines().get(0).message());
  }
}
