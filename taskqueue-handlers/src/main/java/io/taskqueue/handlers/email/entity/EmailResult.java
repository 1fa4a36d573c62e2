package io.taskqueue.handlers.email.entity;

import java.util.List;

/**
 * What a sent message leaves as the job's result.
 *
 * @param messageId the {@code Message-ID} header, made from the job id: the same on every attempt,
 *     so a receiving system can spot a message sent twice
 * @param to the recipients the server accepted
 */
public record EmailResult(String messageId, List<String> to) {

  /** Copies the recipients. */
  public EmailResult {
    to = List.copyOf(to);
  }
}
