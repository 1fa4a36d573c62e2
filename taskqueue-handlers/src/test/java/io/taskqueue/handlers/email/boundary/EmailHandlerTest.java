package io.taskqueue.handlers.email.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.testing.Json;
import io.taskqueue.handlers.testing.TestJob;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bean as the container would set it up: injected fields, then its post-construct. */
class EmailHandlerTest {

  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static EmailHandler handler(boolean on, String host, String from, String user) {
    EmailHandler handler = new EmailHandler();
    handler.switchedOn = on;
    handler.host = Optional.ofNullable(host);
    handler.port = SMTP.getSmtp().getPort();
    handler.starttls = false;
    handler.username = Optional.ofNullable(user);
    handler.password = Optional.empty();
    handler.from = Optional.ofNullable(from);
    handler.recipientDomains = Optional.of("*");
    handler.connectTimeoutMs = 2000;
    handler.timeoutMs = 2000;
    handler.configure();
    return handler;
  }

  private static TestJob job() {
    return new TestJob(
        UUID.randomUUID(),
        "email",
        Json.object("{'to': 'ada@example.com', 'subject': 'Hello', 'text': 'Hi'}"));
  }

  @Test
  void isOffUnlessSwitchedOnAndRefusesJobsThen() {
    EmailHandler off = handler(false, "127.0.0.1", "shop@example.com", null);

    assertEquals("email", off.type());
    assertFalse(off.enabled());
    assertThrows(NonRetryableException.class, () -> off.handle(job()));
    assertEquals(0, SMTP.getReceivedMessages().length);
  }

  @Test
  void staysOffWhenServerSenderOrCredentialsAreIncomplete() {
    assertFalse(handler(true, null, "shop@example.com", null).enabled());
    assertFalse(handler(true, "127.0.0.1", null, null).enabled());
    assertFalse(handler(true, "127.0.0.1", "not an address", null).enabled());
    assertFalse(handler(true, "127.0.0.1", "shop@example.com", "user-without-password").enabled());
    EmailHandler noDomains = new EmailHandler();
    noDomains.switchedOn = true;
    noDomains.host = Optional.of("127.0.0.1");
    noDomains.port = 25;
    noDomains.username = Optional.empty();
    noDomains.password = Optional.empty();
    noDomains.from = Optional.of("shop@example.com");
    noDomains.recipientDomains = Optional.empty();
    noDomains.connectTimeoutMs = 2000;
    noDomains.timeoutMs = 2000;
    noDomains.configure();
    assertFalse(noDomains.enabled(), "no recipient domains configured: off");
  }

  @Test
  void sendsJobsWhenSwitchedOnAndComplete() throws Exception {
    EmailHandler on = handler(true, "127.0.0.1", "shop@example.com", null);

    assertTrue(on.enabled());
    on.handle(job());

    assertEquals("Hello", SMTP.getReceivedMessages()[0].getSubject());
  }
}
