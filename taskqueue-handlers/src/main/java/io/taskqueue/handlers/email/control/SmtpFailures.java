package io.taskqueue.handlers.email.control;

import io.taskqueue.NonRetryableException;
import jakarta.mail.MessagingException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts a failed send: a permanent SMTP reply (5xx) anywhere in the chain fails the job for good,
 * since the server would refuse the same message again; a transient one (4xx), a refused or broken
 * connection, a timeout, are retried.
 *
 * <p>Jakarta Mail's API carries no reply code. The provider's exceptions do ({@code
 * SMTPAddressFailedException} and its kin in Angus Mail), but their classes are not visible to
 * applications on every server, so the code is read from where every provider puts the server's
 * reply: the start of the exception's message ({@code "550 5.1.1 no such user"}).
 */
public final class SmtpFailures {

  private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([2-5])\\d\\d[\\s-]");

  private SmtpFailures() {}

  /**
   * The exception that fails the attempt.
   *
   * @param failure what sending threw
   * @return a {@link NonRetryableException} for a permanent reply, else {@code failure} itself
   */
  public static Exception classify(MessagingException failure) {
    for (Throwable cause : chain(failure)) {
      Matcher code = REPLY_CODE.matcher(String.valueOf(cause.getMessage()));
      if (code.find() && code.group(1).equals("5")) {
        return new NonRetryableException(
            "the SMTP server refused for good: " + cause.getMessage().strip(), failure);
      }
    }
    return failure;
  }

  /** The failure, its causes and the exceptions chained to each, each once. */
  private static Set<Throwable> chain(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    collect(failure, seen);
    return seen;
  }

  private static void collect(Throwable failure, Set<Throwable> seen) {
    if (failure == null || !seen.add(failure) || seen.size() > 50) {
      return;
    }
    collect(failure.getCause(), seen);
    if (failure instanceof MessagingException messaging) {
      collect(messaging.getNextException(), seen);
    }
  }
}
