package io.taskqueue.job.control;

import io.taskqueue.job.entity.NewJob;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An idempotency key as stored: scoped to the caller that sent it ({@code owner}, empty when the
 * caller is unknown), with a fingerprint of the request it first came with. The fingerprint covers
 * what the job is (type, payload, priority, attempts, backoff, timeout) and leaves out its run
 * time, which a relative delay makes differ between two sendings of the same request.
 */
public record IdempotencyKey(String owner, String key, String fingerprint) {

  public static IdempotencyKey of(NewJob job, String key) {
    String owner = job.submittedBy() == null ? "" : job.submittedBy();
    return new IdempotencyKey(owner, key, fingerprint(job));
  }

  static String fingerprint(NewJob job) {
    String request =
        String.join(
            "\u0000",
            job.type(),
            job.payload(),
            job.priority().name(),
            Integer.toString(job.maxAttempts()),
            Objects.toString(job.retryPolicy()),
            Objects.toString(job.timeoutMs()));
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(request.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
