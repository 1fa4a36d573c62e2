package io.taskqueue.handlers.email.control;

import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.email.entity.EmailMessage;
import io.taskqueue.handlers.email.entity.EmailResult;
import io.taskqueue.handlers.email.entity.EmailSettings;
import io.taskqueue.handlers.email.entity.RecipientDomains;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Sends one email job:
 *
 * <ol>
 *   <li>renders the payload ({@link EmailPayload});
 *   <li>builds a text message, or text and HTML alternatives, whose {@code Message-ID} comes from
 *       the job id (the same on a retry);
 *   <li>sends it over SMTP with the configured server and credentials, all recipients or none;
 *   <li>fails for good on a 5xx reply, retryably otherwise ({@link SmtpFailures}).
 * </ol>
 */
public class EmailSender {

  private final EmailSettings settings;
  private final InternetAddress from;
  private final Session session;

  /**
   * A sender with its settings.
   *
   * @param settings the SMTP server, credentials, sender and timeouts
   * @throws IllegalArgumentException when the configured sender is not a valid address
   */
  public EmailSender(EmailSettings settings) {
    this.settings = settings;
    try {
      this.from = new InternetAddress(settings.from(), true);
    } catch (AddressException e) {
      throw new IllegalArgumentException(
          "taskqueue.handlers.email.from is not a valid address: " + e.getMessage());
    }
    this.session = Session.getInstance(properties(settings));
  }

  static Properties properties(EmailSettings settings) {
    Properties smtp = new Properties();
    smtp.put("mail.transport.protocol", "smtp");
    smtp.put("mail.smtp.host", settings.host());
    smtp.put("mail.smtp.port", Integer.toString(settings.port()));
    smtp.put("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
    smtp.put("mail.smtp.starttls.enable", Boolean.toString(settings.starttls()));
    // Without "required" a server that hides STARTTLS (or an attacker who strips it) gets clear
    // text.
    smtp.put("mail.smtp.starttls.required", Boolean.toString(settings.starttls()));
    smtp.put("mail.smtp.ssl.checkserveridentity", "true");
    smtp.put("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
    smtp.put("mail.smtp.timeout", Long.toString(settings.timeout().toMillis()));
    smtp.put("mail.smtp.writetimeout", Long.toString(settings.timeout().toMillis()));
    return smtp;
  }

  /**
   * Sends the job's message.
   *
   * @param jobId the job, for the {@code Message-ID}
   * @param payload the job's payload
   * @return the message id and the recipients
   * @throws NonRetryableException when the payload is unusable or the server refuses for good
   * @throws MessagingException when a later attempt may succeed
   */
  public EmailResult send(UUID jobId, JsonObject payload) throws Exception {
    EmailMessage message = EmailPayload.render(payload);
    for (String to : message.to()) {
      String address = new InternetAddress(to, true).getAddress();
      if (!settings.recipientDomains().allows(address)) {
        throw new NonRetryableException(
            "recipient '"
                + address
                + "' is not in an allowed domain ("
                + RecipientDomains.PROPERTY
                + ": "
                + new TreeSet<>(settings.recipientDomains().entries())
                + ")");
      }
    }
    String messageId = "<" + jobId + ".taskqueue@" + domainOf(from) + ">";
    try {
      MimeMessage mime = new JobMimeMessage(session, messageId);
      mime.setFrom(from);
      for (String to : message.to()) {
        mime.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
      }
      mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      mime.setHeader("X-Taskqueue-Job-Id", jobId.toString());
      if (message.html().isPresent()) {
        mime.setContent(alternatives(message.text(), message.html().get()));
      } else {
        mime.setText(message.text(), StandardCharsets.UTF_8.name());
      }
      if (settings.username().isPresent()) {
        Transport.send(mime, settings.username().get(), settings.password().orElseThrow());
      } else {
        Transport.send(mime);
      }
    } catch (MessagingException e) {
      throw SmtpFailures.classify(e);
    }
    return new EmailResult(messageId, message.to());
  }

  private static MimeMultipart alternatives(String text, String html) throws MessagingException {
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(text, StandardCharsets.UTF_8.name());
    MimeBodyPart rich = new MimeBodyPart();
    rich.setText(html, StandardCharsets.UTF_8.name(), "html");
    // Readers show the last alternative they understand: plain text first, HTML last.
    return new MimeMultipart("alternative", plain, rich);
  }

  private static String domainOf(InternetAddress address) {
    String mailbox = address.getAddress();
    int at = mailbox.lastIndexOf('@');
    return at < 0 ? "localhost" : mailbox.substring(at + 1);
  }

  /** Keeps the job's {@code Message-ID} instead of the random one Jakarta Mail would make. */
  private static final class JobMimeMessage extends MimeMessage {

    private final String messageId;

    JobMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
