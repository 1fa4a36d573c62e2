package io.taskqueue.progress.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.LogLevel;
import io.taskqueue.progress.entity.AttemptId;
import io.taskqueue.progress.entity.LogLine;
import io.taskqueue.progress.entity.PendingTelemetry;
import java.time.Instant;
import java.util.List;
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
    String line = messages(pending, job).get(0);
    assertEquals(10, line.length());
    assertTrue(line.endsWith("…"));
  }

  @Test
  void aNulCharacterWhichPostgresTextCannotHoldIsReplaced() {
    TelemetryBuffer buffer = new TelemetryBuffer(100, 100);
    buffer.log(job, 1, LogLevel.INFO, "a\u0000b", NOW);
    buffer.progress(job, "t", 1, 5, "c\u0000", NOW);
    PendingTelemetry pending = buffer.drain();
    assertEquals("a\uFFFDb", messages(pending, job).get(0));
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
    assertEquals(List.of("line 0", "line 1"), messages(pending, job));
    assertEquals(List.of(""), messages(pending, other), "its line took the noisy one's newest");
    assertEquals(Map.of(new AttemptId(job, 1), 3), pending.dropped());
    buffer.log(other, 1, null, null, NOW);
    LogLine next = buffer.drain().lines().get(new AttemptId(other, 1)).get(0);
    assertEquals(LogLevel.INFO, next.level(), "a line without a level is info");
    assertEquals("", next.message());
  }

  @Test
  void oneNoisyJobCannotPushOutTheOthersLinesEachKeepsAFairShare() {
    TelemetryBuffer buffer = new TelemetryBuffer(100, 100);
    UUID quiet = UUID.randomUUID();
    UUID alsoQuiet = UUID.randomUUID();
    for (int i = 0; i < 10_000; i++) {
      buffer.log(job, 1, LogLevel.INFO, "noise " + i, NOW);
    }
    for (int i = 0; i < 20; i++) {
      buffer.log(quiet, 1, LogLevel.INFO, "quiet " + i, NOW);
      buffer.log(alsoQuiet, 3, LogLevel.INFO, "also " + i, NOW);
    }
    PendingTelemetry pending = buffer.drain();
    assertEquals(20, messages(pending, quiet).size(), "every line of a quiet job kept");
    assertEquals(20, pending.lines().get(new AttemptId(alsoQuiet, 3)).size());
    assertEquals(60, messages(pending, job).size(), "the noisy one keeps the rest of the room");
    assertEquals("noise 0", messages(pending, job).get(0), "its first lines, in order");
    assertEquals(10_000 - 60, pending.dropped().get(new AttemptId(job, 1)));
    assertEquals(100, pending.lines().values().stream().mapToInt(List::size).sum());
  }

  private static List<String> messages(PendingTelemetry pending, UUID job) {
    return pending.lines().getOrDefault(new AttemptId(job, 1), List.of()).stream()
        .map(LogLine::message)
        .toList();
  }
}
