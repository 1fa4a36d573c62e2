package io.taskqueue.faults;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.Directories;
import io.taskqueue.launcher.control.EmbeddedRedisServer;
import io.taskqueue.launcher.control.FreePort;
import io.taskqueue.launcher.control.PayaraMicroProcess;
import io.taskqueue.launcher.control.ServiceEndpoints;
import io.taskqueue.launcher.control.TestServices;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Readiness goes DOWN when Redis stops and UP when it returns; liveness stays UP throughout. */
class ReadinessFaultIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void readinessFollowsRedisWhileLivenessStaysUp() throws Exception {
    Path data = Files.createTempDirectory("taskqueue-readiness");
    int port = FreePort.find();
    EmbeddedRedisServer redis = EmbeddedRedisServer.start(data, port, false);
    ServiceEndpoints server = TestServices.endpoints();
    FaultCluster cluster =
        new FaultCluster(
            "readiness",
            new ServiceEndpoints(
                server.dbUrl(), server.dbUser(), server.dbPassword(), redis.url()));
    PayaraMicroProcess node = cluster.start("readiness-node", Map.of("TASKQUEUE_WORKERS", "2"));
    try {
      assertEquals(200, status(node, "/health/ready"));

      redis.close();
      await().atMost(30, SECONDS).until(() -> status(node, "/health/ready") == 503);
      String down = body(node, "/health/ready");
      assertTrue(down.contains("\"redis\":\"DOWN"), down);
      assertTrue(down.contains("\"postgres\":\"UP\""), down);
      assertEquals(200, status(node, "/health/live"), "an outage of Redis is no reason to restart");

      redis = EmbeddedRedisServer.start(data, port, false);
      await().atMost(30, SECONDS).until(() -> status(node, "/health/ready") == 200);
      System.out.println("FAULT readiness: UP -> DOWN (redis stopped) -> UP (redis back); live UP");
    } finally {
      node.close();
      redis.close();
      Directories.deleteRecursively(data);
    }
  }

  private int status(PayaraMicroProcess node, String path) throws Exception {
    return send(node, path).statusCode();
  }

  private String body(PayaraMicroProcess node, String path) throws Exception {
    return send(node, path).body();
  }

  private HttpResponse<String> send(PayaraMicroProcess node, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
