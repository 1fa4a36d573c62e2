package io.taskqueue.handlers.email.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.email.entity.EmailResult;
import io.taskqueue.handlers.email.entity.EmailSettings;
import io.taskqueue.handlers.email.entity.RecipientDomains;
import io.taskqueue.handlers.testing.FakeSmtpServer;
import io.taskqueue.handlers.testing.Json;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailSenderTest {

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("mailer@example.com", "mailer", "s3cret"));

  private static final UUID JOB = UUID.fromString("0f7c2b1e-3d4a-4b5c-8d9e-0a1b2c3d4e5f");

  private static EmailSettings settings(int port, boolean starttls, String user, String password) {
    return new EmailSettings(
        "127.0.0.1",
        port,
        starttls,
        Optional.ofNullable(user),
        Optional.ofNullable(password),
        "Shop <shop@example.com>",
        RecipientDomains.parse("example.com, .example.org"),
        Duration.ofSeconds(2),
        Duration.ofSeconds(2));
  }

  private static EmailSender plainSender() {
    return new EmailSender(settings(SMTP.getSmtp().getPort(), false, null, null));
  }

  @Test
  void plainSmtpWithoutStarttlsDeliversTheRenderedMessage() throws Exception {
    EmailResult result =
        plainSender()
            .send(
                JOB,
                Json.object(
                    "{'to': 'ada@example.com', 'subject': 'Order {{id}} shipped', 'text': 'Dear"
                        + " {{name}}, order {{id}} is on its way.', 'variables': {'name': 'Ada',"
                        + " 'id': 42}}"));

    MimeMessage[] received = SMTP.getReceivedMessages();
    assertEquals(1, received.length);
    MimeMessage message = received[0];
    assertEquals("Order 42 shipped", message.getSubject());
    assertEquals("Dear Ada, order 42 is on its way.", ((String) message.getContent()).strip());
    assertEquals(new InternetAddress("Shop <shop@example.com>"), message.getFrom()[0]);
    assertEquals("ada@example.com", message.getAllRecipients()[0].toString());
    assertEquals(result.messageId(), message.getMessageID());
    assertTrue(result.messageId().contains(JOB.toString()), result.messageId());
    assertEquals(JOB.toString(), message.getHeader("X-Taskqueue-Job-Id", null));
    assertEquals(List.of("ada@example.com"), result.to());
  }

  @Test
  void htmlIsSentAsAnAlternativeToTheTextWithValuesEscaped() throws Exception {
    plainSender()
        .send(
            JOB,
            Json.object(
                "{'to': 'ada@example.com', 'subject': 's', 'text': 'Hi {{name}}', 'html': '<p>Hi"
                    + " {{name}}</p>', 'variables': {'name': '<script>x</script>'}}"));

    MimeMessage message = SMTP.getReceivedMessages()[0];
    assertTrue(message.getContentType().startsWith("multipart/alternative"));
    Multipart parts = (Multipart) message.getContent();
    assertEquals(2, parts.getCount());
    assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
    assertEquals("Hi <script>x</script>", ((String) parts.getBodyPart(0).getContent()).strip());
    assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
    assertEquals(
        "<p>Hi &lt;script&gt;x&lt;/script&gt;</p>",
        ((String) parts.getBodyPart(1).getContent()).strip());
  }

  @Test
  void everyRecipientGetsTheMessage() throws Exception {
    plainSender()
        .send(
            JOB,
            Json.object(
                "{'to': ['ada@example.com', 'bob@example.org'], 'subject': 's', 'text': 't'}"));

    assertEquals(1, mailboxOf("ada@example.com"));
    assertEquals(1, mailboxOf("bob@example.org"));
    assertEquals(2, SMTP.getReceivedMessages().length);
  }

  private static long mailboxOf(String address) {
    return SMTP.findReceivedMessages(user -> user.getEmail().equals(address), message -> true)
        .count();
  }

  @Test
  void authenticatesWithTheConfiguredCredentials() throws Exception {
    new EmailSender(settings(SMTP.getSmtp().getPort(), false, "mailer", "s3cret"))
        .send(JOB, Json.object("{'to': 'ada@example.com', 'subject': 's', 'text': 't'}"));

    assertEquals(1, SMTP.getReceivedMessages().length);
  }

  @Test
  void wrongCredentialsAreRefusedForGood() {
    EmailSender wrongPassword =
        new EmailSender(settings(SMTP.getSmtp().getPort(), false, "mailer", "guess"));

    NonRetryableException failure =
        assertThrows(
            NonRetryableException.class,
            () ->
                wrongPassword.send(
                    JOB, Json.object("{'to': 'ada@example.com', 'subject': 's', 'text': 't'}")));

    assertTrue(failure.getMessage().contains("535"), failure.getMessage());
    assertEquals(0, SMTP.getReceivedMessages().length);
  }

  @Test
  void missingVariableFailsForGoodWithoutSending() {
    NonRetryableException failure =
        assertThrows(
            NonRetryableException.class,
            () ->
                plainSender()
                    .send(
                        JOB,
                        Json.object(
                            "{'to': 'ada@example.com', 'subject': 's', 'text': 'Hi {{name}}'}")));

    assertTrue(failure.getMessage().contains("name"), failure.getMessage());
    assertEquals(0, SMTP.getReceivedMessages().length);
  }

  @Test
  void aRecipientOutsideTheAllowedDomainsFailsTheJobBeforeAnySmtp() throws Exception {
    try (FakeSmtpServer server = new FakeSmtpServer("250 ok")) {
      EmailSender sender = new EmailSender(settings(server.port(), false, null, null));

      NonRetryableException failure =
          assertThrows(
              NonRetryableException.class,
              () ->
                  sender.send(
                      JOB,
                      Json.object(
                          "{'to': ['ada@example.com', 'Eve <eve@evil.example>'], 'subject': 's',"
                              + " 'text': 't'}")));

      assertTrue(failure.getMessage().contains("eve@evil.example"), failure.getMessage());
      assertFalse(server.received("MAIL"));
    }
  }

  @Test
  void recipientRefusedWith550FailsForGood() throws Exception {
    try (FakeSmtpServer server = new FakeSmtpServer("550 5.1.1 no such user")) {
      EmailSender sender = new EmailSender(settings(server.port(), false, null, null));

      NonRetryableException failure =
          assertThrows(
              NonRetryableException.class,
              () ->
                  sender.send(
                      JOB,
                      Json.object("{'to': 'nobody@example.com', 'subject': 's', 'text': 't'}")));

      assertTrue(failure.getMessage().contains("550"), failure.getMessage());
      assertTrue(server.received("RCPT"));
      assertFalse(server.received("DATA"));
    }
  }

  @Test
  void recipientDeferredWith451IsRetried() throws Exception {
    try (FakeSmtpServer server = new FakeSmtpServer("451 4.3.0 try again later")) {
      EmailSender sender = new EmailSender(settings(server.port(), false, null, null));

      Exception failure =
          assertThrows(
              Exception.class,
              () ->
                  sender.send(
                      JOB, Json.object("{'to': 'busy@example.com', 'subject': 's', 'text': 't'}")));

      assertInstanceOf(MessagingException.class, failure);
      assertTrue(server.received("RCPT"));
      assertFalse(server.received("DATA"));
    }
  }

  @Test
  void requiredStarttlsIsNotDroppedWhenTheServerDoesNotOfferIt() throws Exception {
    try (FakeSmtpServer server = new FakeSmtpServer("250 OK")) {
      EmailSender sender = new EmailSender(settings(server.port(), true, null, null));

      Exception failure =
          assertThrows(
              Exception.class,
              () ->
                  sender.send(
                      JOB, Json.object("{'to': 'ada@example.com', 'subject': 's', 'text': 't'}")));

      assertInstanceOf(MessagingException.class, failure);
      assertTrue(server.received("EHLO"));
      assertFalse(server.received("MAIL"), server.commands().toString());
    }
  }

  @Test
  void unreachableServerIsRetried() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    EmailSender sender = new EmailSender(settings(closedPort, false, null, null));

    Exception failure =
        assertThrows(
            Exception.class,
            () ->
                sender.send(
                    JOB, Json.object("{'to': 'ada@example.com', 'subject': 's', 'text': 't'}")));

    assertInstanceOf(MessagingException.class, failure);
  }
}
