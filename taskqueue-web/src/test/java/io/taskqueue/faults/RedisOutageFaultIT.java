package io.taskqueue.faults;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskqueue.launcher.control.Directories;
import io.taskqueue.launcher.control.EmbeddedRedisServer;
import io.taskqueue.launcher.control.FreePort;
import io.taskqueue.launcher.control.PayaraMicroProcess;
import io.taskqueue.launcher.control.ServiceEndpoints;
import io.taskqueue.launcher.control.TestServices;
import io.taskqueue.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redis is down while jobs are submitted: the API still stores them (202 Accepted, status queued)
 * and they run once Redis is back, handed over by reconciliation.
 */
class RedisOutageFaultIT {

  @Test
  void jobsSubmittedWhileRedisIsDownAreStoredAndRunWhenItReturns() throws Exception {
    Path data = Files.createTempDirectory("taskqueue-redis-outage");
    int port = FreePort.find();
    EmbeddedRedisServer redis = EmbeddedRedisServer.start(data, port, false);
    ServiceEndpoints server = TestServices.endpoints();
    FaultCluster cluster =
        new FaultCluster(
            "redis_outage",
            new ServiceEndpoints(
                server.dbUrl(), server.dbUser(), server.dbPassword(), redis.url()));
    PayaraMicroProcess node =
        cluster.start(
            "outage-node",
            Map.of("TASKQUEUE_WORKERS", "2", "TASKQUEUE_RECONCILE_INTERVAL_MS", "1000"));
    try {
      redis.close();
      HttpResponse<String> reply =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + node.httpPort() + "/api/jobs"))
                      .header("Content-Type", "application/json")
                      .header("Authorization", "Bearer " + Api.ADMIN_KEY)
                      .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"noop\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(202, reply.statusCode(), reply.body());
      assertEquals(1, cluster.count("SELECT count(*) FROM jobs WHERE status = 'QUEUED'"));

      redis = EmbeddedRedisServer.start(data, port, false);
      long back = System.nanoTime();
      await()
          .atMost(60, SECONDS)
          .until(() -> cluster.count("SELECT count(*) FROM jobs WHERE status = 'COMPLETED'") == 1);
      System.out.printf(
          "FAULT redis-outage: submitted-while-down=1 status=202 completed-ms-after-redis-back=%d%n",
          (System.nanoTime() - back) / 1_000_000);
    } finally {
      node.close();
      redis.close();
      Directories.deleteRecursively(data);
    }
  }
}
