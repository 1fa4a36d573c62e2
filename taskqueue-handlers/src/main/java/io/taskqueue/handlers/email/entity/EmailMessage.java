package io.taskqueue.handlers.email.entity;

import java.util.List;
import java.util.Optional;

/**
 * One message, rendered and checked, ready to send.
 *
 * @param to the recipients (at least one), as given
 * @param subject the subject, one line
 * @param text the plain-text body
 * @param html the HTML alternative, if any
 */
public record EmailMessage(List<String> to, String subject, String text, Optional<String> html) {

  /** Copies the recipients. */
  public EmailMessage {
    to = List.copyOf(to);
  }
}
