package io.taskqueue.job.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taskqueue.Backoff;
import io.taskqueue.InvalidJobException;
import io.taskqueue.JobDefaults;
import io.taskqueue.JobRequest;
import io.taskqueue.Priority;
import io.taskqueue.job.entity.NewJob;
import io.taskqueue.job.entity.SubmitJobRequest;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JavaRequestsTest {

  private final SubmissionRules rules =
      new SubmissionRules(new TreeSet<>(Set.of("mail")), 1_000, 10);

  @Test
  void everyOptionReachesTheRulesInTheirUnits() {
    Instant at = Instant.now().plusSeconds(3_600);
    SubmitJobRequest draft =
        JavaRequests.draft(
            JobRequest.of("mail", Json.createObjectBuilder().add("to", "a@b").build())
                .priority(Priority.HIGH)
                .runAt(at)
                .maxAttempts(7)
                .backoff(Backoff.exponential(Duration.ofSeconds(2), 3, Duration.ofMinutes(5)))
                .timeout(Duration.ofSeconds(30)));

    NewJob job = rules.check(draft);
    assertEquals("{\"to\":\"a@b\"}", job.payload());
    assertEquals(io.taskqueue.job.entity.Priority.HIGH, job.priority());
    assertEquals(at, job.runAt().toInstant());
    assertEquals(7, job.maxAttempts());
    assertEquals(2_000L, job.retryPolicy().initialMs());
    assertEquals(3.0, job.retryPolicy().multiplier());
    assertEquals(300_000L, job.retryPolicy().maxMs());
    assertNull(job.retryPolicy().jitter(), "the configured jitter applies");
    assertEquals(30_000L, job.timeoutMs());
  }

  @Test
  void aHandlersDefaultsFillOnlyWhatTheSubmitterLeftOpen() {
    JobDefaults defaults =
        JobDefaults.none()
            .priority(Priority.LOW)
            .maxAttempts(9)
            .backoff(Backoff.fixed(Duration.ofSeconds(5)))
            .timeout(Duration.ofMinutes(2));

    NewJob open =
        rules.check(
            JavaRequests.withDefaults(JavaRequests.draft(JobRequest.of("mail", null)), defaults));
    assertEquals(io.taskqueue.job.entity.Priority.LOW, open.priority());
    assertEquals(9, open.maxAttempts());
    assertEquals(5_000L, open.retryPolicy().initialMs());
    assertEquals(5_000L, open.retryPolicy().maxMs());
    assertEquals(120_000L, open.timeoutMs());

    NewJob given =
        rules.check(
            JavaRequests.withDefaults(
                JavaRequests.draft(
                    JobRequest.of("mail", null)
                        .priority(Priority.HIGH)
                        .maxAttempts(2)
                        .backoff(Backoff.fixed(Duration.ofSeconds(1)))
                        .timeout(Duration.ofSeconds(10))),
                defaults));
    assertEquals(io.taskqueue.job.entity.Priority.HIGH, given.priority());
    assertEquals(2, given.maxAttempts());
    assertEquals(1_000L, given.retryPolicy().initialMs());
    assertEquals(10_000L, given.timeoutMs());

    NewJob none =
        rules.check(
            JavaRequests.withDefaults(
                JavaRequests.draft(JobRequest.of("mail", null)), JobDefaults.none()));
    assertEquals(io.taskqueue.job.entity.Priority.MEDIUM, none.priority());
    assertEquals(SubmissionRules.DEFAULT_MAX_ATTEMPTS, none.maxAttempts());
    assertNull(none.timeoutMs());
  }

  @Test
  void aPayloadThatIsNotAJsonObjectIsRefusedBeforeAnythingIsStored() {
    InvalidJobException e =
        assertThrows(
            InvalidJobException.class,
            () -> JavaRequests.draft(JobRequest.of("mail", Json.createValue("text"))));
    assertEquals(InvalidJobException.Reason.INVALID, e.reason());
  }

  @Test
  void outOfRangeDurationsFailTheSameRulesAsOverRest() {
    assertEquals(
        InvalidJobException.Reason.INVALID,
        assertThrows(
                InvalidJobException.class,
                () ->
                    rules.check(
                        JavaRequests.draft(
                            JobRequest.of("mail", Map.of()).delay(Duration.ofDays(400)))))
            .reason());
    assertEquals(
        InvalidJobException.Reason.INVALID,
        assertThrows(
                InvalidJobException.class,
                () ->
                    rules.check(
                        JavaRequests.draft(
                            JobRequest.of("mail", null)
                                .timeout(Duration.ofSeconds(Long.MAX_VALUE)))))
            .reason());
    assertEquals(
        InvalidJobException.Reason.UNKNOWN_TYPE,
        assertThrows(
                InvalidJobException.class,
                () -> rules.check(JavaRequests.draft(JobRequest.of("sms", null))))
            .reason());
  }
}
