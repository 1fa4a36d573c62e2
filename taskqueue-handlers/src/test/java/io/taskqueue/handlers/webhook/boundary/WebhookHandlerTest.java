package io.taskqueue.handlers.webhook.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.testing.Json;
import io.taskqueue.handlers.testing.LoopbackHttpServer;
import io.taskqueue.handlers.testing.TestJob;
import io.taskqueue.handlers.webhook.entity.WebhookResult;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bean as the container would set it up: injected fields, then its post-construct. */
class WebhookHandlerTest {

  private static WebhookHandler handler(boolean on, String url, String secret) {
    WebhookHandler handler = new WebhookHandler();
    handler.switchedOn = on;
    handler.url = Optional.ofNullable(url);
    handler.allowedHosts = Optional.empty();
    handler.internalNetworks = Optional.of("127.0.0.1");
    handler.targetNames = Optional.empty();
    handler.secret = Optional.ofNullable(secret);
    handler.connectTimeoutMs = 1000;
    handler.requestTimeoutMs = 2000;
    handler.configure();
    return handler;
  }

  @Test
  void isOffUnlessSwitchedOnAndRefusesJobsThen() {
    WebhookHandler off = handler(false, "http://127.0.0.1/x", "s");

    assertEquals("webhook", off.type());
    assertFalse(off.enabled());
    NonRetryableException refused =
        assertThrows(
            NonRetryableException.class,
            () -> off.handle(new TestJob(UUID.randomUUID(), "webhook", Json.object("{}"))));
    assertTrue(refused.getMessage().contains("taskqueue.handlers.webhook.enabled"));
  }

  @Test
  void staysOffWithoutASecretEvenWhenSwitchedOn() {
    assertFalse(handler(true, "http://127.0.0.1/x", null).enabled());
  }

  @Test
  void postsJobsWhenSwitchedOnAndComplete() throws Exception {
    try (LoopbackHttpServer server = new LoopbackHttpServer()) {
      server.on("/hook", LoopbackHttpServer.respond(200, "thanks"));
      WebhookHandler on = handler(true, server.url("/hook").toString(), "s");

      assertTrue(on.enabled());
      Object result = on.handle(new TestJob(UUID.randomUUID(), "webhook", Json.object("{}")));

      assertEquals(new WebhookResult(200, "thanks"), result);
      assertEquals(1, server.received().size());
    }
  }
}
