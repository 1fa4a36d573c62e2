package io.taskqueue.job.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.taskqueue.job.entity.NewJob;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.RetryPolicy;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

  private final NewJob order = new NewJob("mail", "{\"order\":1}", Priority.HIGH, 3);

  @Test
  void aKeyBelongsToTheCallerThatSentIt() {
    assertEquals("alice", IdempotencyKey.of(order.submittedBy("alice"), "k").owner());
    assertNotEquals(
        IdempotencyKey.of(order.submittedBy("alice"), "k"),
        IdempotencyKey.of(order.submittedBy("bob"), "k"));
    assertEquals("", IdempotencyKey.of(order, "k").owner(), "an unknown caller");
  }

  @Test
  void theSameRequestSentAgainHasTheSameFingerprintEvenWithALaterRunTime() {
    NewJob later =
        new NewJob(
            "mail",
            "{\"order\":1}",
            Priority.HIGH,
            3,
            OffsetDateTime.now().plusMinutes(5),
            RetryPolicy.DEFAULTS,
            null);

    assertEquals(IdempotencyKey.fingerprint(order), IdempotencyKey.fingerprint(later));
  }

  @Test
  void aDifferentRequestHasADifferentFingerprint() {
    String first = IdempotencyKey.fingerprint(order);
    assertNotEquals(
        first, IdempotencyKey.fingerprint(new NewJob("mail", "{\"order\":2}", Priority.HIGH, 3)));
    assertNotEquals(
        first, IdempotencyKey.fingerprint(new NewJob("sms", "{\"order\":1}", Priority.HIGH, 3)));
    assertNotEquals(
        first, IdempotencyKey.fingerprint(new NewJob("mail", "{\"order\":1}", Priority.LOW, 3)));
  }
}
