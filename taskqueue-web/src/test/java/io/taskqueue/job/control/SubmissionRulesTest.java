package io.taskqueue.job.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.job.entity.NewJob;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.SubmitJobRequest;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
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
    ProblemException e =
        assertThrows(ProblemException.class, () -> rules.check(request("x", null, null, null)));
    assertEquals(400, e.problem().status());
    assertTrue(e.problem().detail().contains("known types: echo, noop"), e.problem().detail());
  }

  @Test
  void refusesBadPriorityAttemptsAndOversizePayloads() {
    assertEquals(400, status(request("noop", null, "HIGH", null)));
    assertEquals(400, status(request("noop", null, null, 0)));
    assertEquals(400, status(request("noop", null, null, 101)));
    assertEquals(
        413,
        status(
            request(
                "noop", Json.createObjectBuilder().add("x", "y".repeat(100)).build(), null, null)));
    assertEquals(400, status(null));
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
        400,
        status(
            new SubmitJobRequest(
                "noop", null, null, null, java.time.OffsetDateTime.now(), 1L, null, null)));
    assertEquals(
        400, status(new SubmitJobRequest("noop", null, null, null, null, -1L, null, null)));
    assertEquals(400, status(new SubmitJobRequest("noop", null, null, null, null, null, null, 0L)));
    assertEquals(
        400,
        status(
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
        400,
        status(
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
    assertEquals(400, batchStatus(List.of()));
    assertEquals(400, batchStatus(null));
    assertEquals(413, batchStatus(Collections.nCopies(4, request("noop", null, null, null))));
    List<SubmitJobRequest> oneBad = new ArrayList<>(List.of(request("noop", null, null, null)));
    oneBad.add(request("nope", null, null, null));
    ProblemException e = assertThrows(ProblemException.class, () -> rules.checkBatch(oneBad));
    assertTrue(e.problem().detail().startsWith("jobs[1]: "), e.problem().detail());
    assertEquals(
        3, rules.checkBatch(Collections.nCopies(3, request("noop", null, null, null))).size());
  }

  @Test
  void cursorsRoundTripAndNonsenseIsABadRequest() {
    UUID id = UUID.randomUUID();
    assertEquals(id, Cursor.decode(Cursor.encode(id)));
    assertEquals(
        400, assertThrows(ProblemException.class, () -> Cursor.decode("!!")).problem().status());
    assertEquals(
        400, assertThrows(ProblemException.class, () -> Cursor.decode("YWJj")).problem().status());
  }

  private static SubmitJobRequest request(
      String type, jakarta.json.JsonObject payload, String priority, Integer maxAttempts) {
    return new SubmitJobRequest(type, payload, priority, maxAttempts, null, null, null, null);
  }

  private int status(SubmitJobRequest request) {
    return assertThrows(ProblemException.class, () -> rules.check(request)).problem().status();
  }

  private int batchStatus(List<SubmitJobRequest> requests) {
    return assertThrows(ProblemException.class, () -> rules.checkBatch(requests))
        .problem()
        .status();
  }
}
