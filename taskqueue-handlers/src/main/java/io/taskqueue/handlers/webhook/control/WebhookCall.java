package io.taskqueue.handlers.webhook.control;

import io.taskqueue.handlers.outbound.boundary.OutboundHttp;
import io.taskqueue.handlers.outbound.boundary.ResponseExcerpt;
import io.taskqueue.handlers.outbound.boundary.ResponseStatus;
import io.taskqueue.handlers.outbound.entity.HostLookup;
import io.taskqueue.handlers.webhook.entity.WebhookRequest;
import io.taskqueue.handlers.webhook.entity.WebhookResult;
import io.taskqueue.handlers.webhook.entity.WebhookSettings;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * Posts one webhook job:
 *
 * <ol>
 *   <li>reads the payload ({@link WebhookPayload}), refusing hosts that are not allowed;
 *   <li>signs the body with the timestamp ({@link WebhookSignature}) and names the job in {@code
 *       X-Taskqueue-Job-Id} and {@code Idempotency-Key}, so receivers can drop a repeated call;
 *   <li>posts it without following redirects, within one deadline, keeping 1,024 characters of the
 *       answer;
 *   <li>returns status and excerpt on 2xx, otherwise fails as {@link ResponseStatus} says. A 3xx is
 *       not followed, not even to the same host, and fails the job: configure the final URL.
 * </ol>
 */
public class WebhookCall implements AutoCloseable {

  /** The job id, the same on every attempt. */
  public static final String JOB_ID_HEADER = "X-Taskqueue-Job-Id";

  /** How much of the receiver's answer is kept. */
  public static final int EXCERPT_CHARS = 1024;

  private final WebhookSettings settings;
  private final OutboundHttp http;
  private final Clock clock;

  /**
   * A caller with its settings, resolving names with the system resolver.
   *
   * @param settings where it may post, how it signs, how long it waits
   * @param clock the source of signature timestamps
   */
  public WebhookCall(WebhookSettings settings, Clock clock) {
    this(settings, clock, HostLookup.SYSTEM);
  }

  /**
   * A caller with its settings and its own name resolution (tests answer a private address).
   *
   * @param settings where it may post, how it signs, how long it waits
   * @param clock the source of signature timestamps
   * @param lookup resolves host names; every address it gives is checked before connecting
   */
  public WebhookCall(WebhookSettings settings, Clock clock, HostLookup lookup) {
    this.settings = settings;
    this.clock = clock;
    this.http = new OutboundHttp(settings.reachable(), settings.connectTimeout(), lookup);
  }

  /**
   * Posts the job's payload.
   *
   * @param jobId the job, named in the headers
   * @param payload the job's payload
   * @return status and excerpt of a 2xx answer
   * @throws Exception {@link io.taskqueue.NonRetryableException} when the payload or the answer
   *     says retrying cannot help, {@link io.taskqueue.RetryLaterException} when the receiver asked
   *     for a wait, anything else when a later attempt may succeed
   */
  public WebhookResult post(UUID jobId, JsonObject payload) throws Exception {
    WebhookRequest request = WebhookPayload.parse(payload, settings);
    long timestamp = clock.instant().getEpochSecond();
    HttpPost post = new HttpPost(request.url());
    request.headers().forEach(post::addHeader);
    post.setHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
    post.setHeader(WebhookSignature.URL_HEADER, request.url().toString());
    post.setHeader(
        WebhookSignature.SIGNATURE_HEADER,
        new WebhookSignature(request.target().secret())
            .sign(timestamp, request.url(), request.body()));
    request.target().authorization().ifPresent(value -> post.setHeader("Authorization", value));
    post.setHeader(JOB_ID_HEADER, jobId.toString());
    post.setHeader("Idempotency-Key", jobId.toString());
    // JSON is UTF-8 (RFC 8259); the type names no charset, as receivers' verifiers expect.
    post.setEntity(
        new ByteArrayEntity(
            request.body().getBytes(StandardCharsets.UTF_8),
            ContentType.create("application/json")));
    OutboundHttp.Answer<String> answer =
        http.exchange(post, settings.requestTimeout(), ResponseExcerpt.reader(EXCERPT_CHARS));
    if (ResponseStatus.isSuccess(answer.status())) {
      return new WebhookResult(answer.status(), answer.body());
    }
    String detail =
        answer
            .header("Location")
            .map(location -> "redirect to " + location + " not followed")
            .orElse(answer.body());
    throw ResponseStatus.failure(
        "webhook " + request.url().getHost(),
        answer.status(),
        answer.header("Retry-After").orElse(null),
        detail,
        clock.instant());
  }

  /** Closes the connections kept for later calls. */
  @Override
  public void close() {
    http.close();
  }
}
