package io.taskqueue.handlers.webhook.entity;

import java.net.URI;
import java.util.Map;

/**
 * One POST to make, as read from a job's payload.
 *
 * @param url where to post; its host is allowed
 * @param body the JSON text to post
 * @param headers extra headers the job asked for, none of them one the handler sets itself
 * @param target the receiver: its secret signs the call, its credentials go with it
 */
public record WebhookRequest(
    URI url, String body, Map<String, String> headers, WebhookTarget target) {

  /** Copies the headers. */
  public WebhookRequest {
    headers = Map.copyOf(headers);
  }
}
