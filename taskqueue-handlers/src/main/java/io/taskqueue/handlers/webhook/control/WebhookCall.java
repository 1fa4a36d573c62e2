package io.taskqueue.handlers.webhook.control;

import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.outbound.boundary.BoundedExchange;
import io.taskqueue.handlers.outbound.boundary.ResponseExcerpt;
import io.taskqueue.handlers.outbound.boundary.ResponseStatus;
import io.taskqueue.handlers.webhook.entity.WebhookRequest;
import io.taskqueue.handlers.webhook.entity.WebhookResult;
import io.taskqueue.handlers.webhook.entity.WebhookSettings;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

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
public class WebhookCall {

  /** The job id, the same on every attempt. */
  public static final String JOB_ID_HEADER = "X-Taskqueue-Job-Id";

  /** How much of the receiver's answer is kept. */
  public static final int EXCERPT_CHARS = 1024;

  private final WebhookSettings settings;
  private final WebhookSignature signature;
  private final HttpClient client;
  private final Clock clock;

  /**
   * A caller with its settings.
   *
   * @param settings where it may post, how it signs, how long it waits
   * @param clock the source of signature timestamps
   */
  public WebhookCall(WebhookSettings settings, Clock clock) {
    this.settings = settings;
    this.signature = new WebhookSignature(settings.secret());
    this.clock = clock;
    this.client = BoundedExchange.noRedirects(settings.connectTimeout());
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
    HttpRequest.Builder http =
        HttpRequest.newBuilder(request.url())
            .timeout(settings.requestTimeout())
            .POST(HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
    try {
      request.headers().forEach(http::header);
    } catch (IllegalArgumentException restricted) {
      // The client itself sets Host, Content-Length, Connection, Expect and Upgrade.
      throw new NonRetryableException("header not allowed: " + restricted.getMessage());
    }
    http.header("Content-Type", "application/json")
        .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
        .header(WebhookSignature.SIGNATURE_HEADER, signature.sign(timestamp, request.body()))
        .header(JOB_ID_HEADER, jobId.toString())
        .header("Idempotency-Key", jobId.toString());
    HttpResponse<String> response =
        BoundedExchange.send(
            client,
            http.build(),
            ResponseExcerpt.handler(EXCERPT_CHARS),
            settings.requestTimeout());
    if (ResponseStatus.isSuccess(response.statusCode())) {
      return new WebhookResult(response.statusCode(), response.body());
    }
    String detail =
        response
            .headers()
            .firstValue("Location")
            .map(location -> "redirect to " + location + " not followed")
            .orElse(response.body());
    throw ResponseStatus.failure(
        "webhook " + request.url().getHost(),
        response.statusCode(),
        response.headers().firstValue("Retry-After").orElse(null),
        detail,
        clock.instant());
  }
}
