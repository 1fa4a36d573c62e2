package io.taskqueue.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.PayaraMicroProcess;
import io.taskqueue.support.Api;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /metrics} and {@code /openapi} behind taskqueue roles, on a node of its own (the suite's
 * shared node leaves them open, as the defaults do); {@code /health} stays open for probes.
 */
class ServerEndpointRolesClusterIT {

  @Test
  void metricsAndOpenApiNeedTheirConfiguredRolesAndHealthStaysOpen() throws Exception {
    FaultCluster cluster = new FaultCluster("endpoint_roles");
    try (PayaraMicroProcess node =
        cluster.start(
            "roles-node",
            Map.of(
                "TASKQUEUE_WORKERS", "1",
                "TASKQUEUE_METRICS_ROLE", "viewer",
                "TASKQUEUE_OPENAPI_ROLE", "admin"))) {
      String admin = Api.ADMIN_KEY;
      HttpResponse<String> created =
          send(node, "POST", "/api/keys", admin, "{\"name\":\"scraper\",\"roles\":[\"viewer\"]}");
      assertEquals(201, created.statusCode(), created.body());
      String viewer =
          Json.createReader(new StringReader(created.body())).readObject().getString("secret");

      assertEquals(200, send(node, "GET", "/health/ready", null, null).statusCode());

      HttpResponse<String> anonymous = send(node, "GET", "/metrics", null, null);
      assertEquals(401, anonymous.statusCode());
      assertTrue(anonymous.body().contains("taskqueue.metrics.role"), anonymous.body());
      HttpResponse<String> scraped = send(node, "GET", "/metrics", viewer, null);
      assertEquals(200, scraped.statusCode());
      assertTrue(scraped.body().contains("taskqueue_"), "taskqueue's metrics are there");

      assertEquals(401, send(node, "GET", "/openapi", null, null).statusCode());
      HttpResponse<String> notAdmin = send(node, "GET", "/openapi", viewer, null);
      assertEquals(403, notAdmin.statusCode());
      assertTrue(notAdmin.body().contains("taskqueue.openapi.role"), notAdmin.body());
      HttpResponse<String> document = send(node, "GET", "/openapi", admin, null);
      assertEquals(200, document.statusCode());
      assertTrue(document.body().contains("/api/jobs"), "the API's document");
    }
  }

  private static HttpResponse<String> send(
      PayaraMicroProcess node, String method, String path, String key, String body)
      throws Exception {
    return FaultCluster.request(node, method, path, key, body);
  }
}
