package io.taskqueue.job.boundary;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.taskqueue.support.Api.Reply;
import io.taskqueue.support.DeployedWar;
import io.taskqueue.support.PayaraServices;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ready-made webhook handler in the deployed WAR, switched on by configuration, posting to a
 * receiver on loopback: found by the engine, configured from MicroProfile Config, signing as
 * documented, and failing for good on a 4xx.
 */
class WebhookHandlerIT extends DeployedWar {

  private record Received(String body, Map<String, String> headers) {}

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private HttpServer receiver;
  private volatile int answer = 200;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new Received(
                  body,
                  Map.of(
                      "timestamp", exchange.getRequestHeaders().getFirst("X-Taskqueue-Timestamp"),
                      "signature", exchange.getRequestHeaders().getFirst("X-Taskqueue-Signature"),
                      "url", exchange.getRequestHeaders().getFirst("X-Taskqueue-Url"),
                      "job", exchange.getRequestHeaders().getFirst("X-Taskqueue-Job-Id"))));
          byte[] reply = "thanks".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(answer, reply.length);
          exchange.getResponseBody().write(reply);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  void aWebhookJobPostsItsBodySignedAndCompletesWithTheAnswer() throws Exception {
    String id = submit("{\"order\":7}");

    await().atMost(30, SECONDS).until(() -> status(id).equals("completed"));
    Received hook = received.poll(5, SECONDS);
    assertEquals("{\"order\":7}", hook.body());
    assertEquals(id, hook.headers().get("job"));
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    assertEquals(url, hook.headers().get("url"));
    assertEquals(
        "v2=" + hmac(hook.headers().get("timestamp") + "." + url + "." + hook.body()),
        hook.headers().get("signature"));
    JsonObject result = api.get("api/jobs/" + id).json().getJsonObject("result");
    assertEquals(200, result.getInt("status"));
    assertEquals("thanks", result.getString("body"));
  }

  @Test
  void aReceiverThatAnswers404FailsTheJobForGoodAtOnce() {
    answer = 404;
    String id = submit("{\"order\":8}");

    await().atMost(30, SECONDS).until(() -> status(id).equals("dead"));
    JsonObject dead = api.get("api/jobs/" + id).json();
    assertEquals(1, dead.getInt("attempt"), "not retried");
    assertTrue(dead.getString("lastError").contains("404"), dead.toString());
  }

  private String submit(String body) {
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    Reply created =
        api.post(
            "api/jobs",
            "{\"type\":\"webhook\",\"maxAttempts\":3,\"payload\":{\"url\":\""
                + url
                + "\",\"body\":"
                + body
                + "}}");
    assertEquals(201, created.status(), created.body());
    return created.json().getString("id");
  }

  private String status(String id) {
    return api.get("api/jobs/" + id).json().getString("status");
  }

  private static String hmac(String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              PayaraServices.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
