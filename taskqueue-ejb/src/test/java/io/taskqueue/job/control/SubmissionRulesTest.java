package io.taskqueue.job.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.InvalidJobException;
import io.taskqueue.InvalidJobException.Reason;
import io.taskqueue.job.entity.NewJob;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.SubmitJobRequest;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SubmissionRulesTest {

  private final SubmissionRules rules =
      new SubmissionRules(new TreeSet<>(Set.of("noop", "echo")), 100, 3);

  @Test
  void fillsInDefaults() {
    NewJob job = rules.check(request("noop", null, null, null));
    assertEquals(new NewJob("noop", "{}", Priority.MEDIUM, 4), job);
  }

  @Test
  void keepsWhatWasAskedFor() {
    NewJob job =
        rules.check(request("echo", Json.createObjectBuilder().add("a", 1).build(), "low", 9));
    assertEquals(new NewJob("echo", "{\"a\":1}", Priority.LOW, 9), job);
  }

  @Test
  void anUnknownTypeNamesTheKnownOnes() {
    InvalidJobException e =
        assertThrows(InvalidJobException.class, () -> rules.check(request("x", null, null, null)));
    assertEquals(Reason.UNKNOWN_TYPE, e.reason());
    assertTrue(e.getMessage().contains("known types: echo, noop"), e.getMessage());
  }

  @Test
  void refusesBadPriorityAttemptsAndOversizePayloads() {
    assertEquals(Reason.INVALID, reason(request("noop", null, "HIGH", null)));
    assertEquals(Reason.INVALID, reason(request("noop", null, null, 0)));
    assertEquals(Reason.INVALID, reason(request("noop", null, null, 101)));
    assertEquals(
        Reason.PAYLOAD_TOO_LARGE,
        reason(
            request(
                "noop", Json.createObjectBuilder().add("x", "y".repeat(100)).build(), null, null)));
    assertEquals(Reason.INVALID, reason(null));
  }

  @Test
  void delaysPoliciesAndTimeoutsAreCheckedAndKept() {
    NewJob later =
        rules.check(
            new SubmitJobRequest(
                "noop",
                null,
                null,
                null,
                null,
                60_000L,
                new io.taskqueue.job.entity.RetryPolicy(100L, 3.0, null, null),
                5_000L));
    assertTrue(later.runAt().isAfter(java.time.OffsetDateTime.now().plusSeconds(50)));
    assertEquals(100L, later.retryPolicy().initialMs());
    assertEquals(5_000L, later.timeoutMs());
    assertEquals(
        Reason.INVALID,
        reason(
            new SubmitJobRequest(
                "noop", null, null, null, java.time.OffsetDateTime.now(), 1L, null, null)));
    assertEquals(
        Reason.INVALID,
        reason(new SubmitJobRequest("noop", null, null, null, null, -1L, null, null)));
    assertEquals(
        Reason.INVALID,
        reason(new SubmitJobRequest("noop", null, null, null, null, null, null, 0L)));
    assertEquals(
        Reason.INVALID,
        reason(
            new SubmitJobRequest(
                "noop",
                null,
                null,
                null,
                null,
                null,
                new io.taskqueue.job.entity.RetryPolicy(null, 0.5, null, null),
                null)));
    assertEquals(
        Reason.INVALID,
        reason(
            new SubmitJobRequest(
                "noop",
                null,
                null,
                null,
                null,
                null,
                new io.taskqueue.job.entity.RetryPolicy(null, null, null, 1.0),
                null)));
  }

  @Test
  void aBatchIsCheckedWholeAndBounded() {
    assertEquals(Reason.EMPTY_BATCH, batchReason(List.of()));
    assertEquals(Reason.EMPTY_BATCH, batchReason(null));
    assertEquals(
        Reason.BATCH_TOO_LARGE,
        batchReason(Collections.nCopies(4, request("noop", null, null, null))));
    List<SubmitJobRequest> oneBad = new ArrayList<>(List.of(request("noop", null, null, null)));
    oneBad.add(request("nope", null, null, null));
    InvalidJobException e = assertThrows(InvalidJobException.class, () -> rules.checkBatch(oneBad));
    assertTrue(e.getMessage().startsWith("jobs[1]: "), e.getMessage());
    assertEquals(
        3, rules.checkBatch(Collections.nCopies(3, request("noop", null, null, null))).size());
  }

  private static SubmitJobRequest request(
      String type, jakarta.json.JsonObject payload, String priority, Integer maxAttempts) {
    return new SubmitJobRequest(type, payload, priority, maxAttempts, null, null, null, null);
  }

  private Reason reason(SubmitJobRequest request) {
    return assertThrows(InvalidJobException.class, () -> rules.check(request)).reason();
  }

  private Reason batchReason(List<SubmitJobRequest> requests) {
    return assertThrows(InvalidJobException.class, () -> rules.checkBatch(requests)).reason();
  }
}
