package io.taskqueue.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.FreePort;
import io.taskqueue.launcher.control.PayaraMicroProcess;
import io.taskqueue.support.Api;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The admin console in a real headless Chromium (Debian's, driven by playwright-core from {@code
 * src/main/frontend/e2e}) against a taskqueue node of its own, which this test restarts when the
 * browser script asks, to see the live feed reconnect. Screenshots of every page are left in {@code
 * target/e2e-artifacts}.
 */
class ConsoleClusterIT {

  static final String RESTART_REQUEST = "E2E:AWAIT-RESTART";

  /** The browser runs the console under a sub-path; its API stays at the application's root. */
  static final String CONSOLE_PATH = "/admin/jobs";

  @Test
  void theConsoleWorksInABrowserAndItsFeedReconnectsAfterTheServerRestarts() throws Exception {
    FaultCluster cluster = new FaultCluster("console_e2e");
    Map<String, String> settings =
        FaultCluster.withWorkers(
            Map.of("TASKQUEUE_RETRY_BASE_MS", "50", "TASKQUEUE_CONSOLE_PATH", CONSOLE_PATH), "2");
    int port = FreePort.find();
    AtomicReference<PayaraMicroProcess> node =
        new AtomicReference<>(cluster.start("console-node", settings, port));
    String base = "http://127.0.0.1:" + port;
    try {
      assertServedUnderItsPathOnly(base);
    } catch (AssertionError | Exception e) {
      node.get().kill(); // a failed check must not leave the node running
      throw e;
    }
    Path artifacts = Path.of("target", "e2e-artifacts").toAbsolutePath();
    Files.createDirectories(artifacts);
    Path restarted = artifacts.resolve("restarted");
    Files.deleteIfExists(restarted);
    ProcessBuilder builder =
        new ProcessBuilder("node", "e2e/console.e2e.mjs")
            .directory(Path.of("src", "main", "frontend").toFile())
            .redirectErrorStream(true);
    builder.environment().put("BASE_URL", base);
    builder.environment().put("CONSOLE_URL", base + CONSOLE_PATH);
    builder.environment().put("ADMIN_KEY", Api.ADMIN_KEY);
    builder.environment().put("ARTIFACTS", artifacts.toString());
    builder.environment().put("RESTARTED_FILE", restarted.toString());
    Process browser = builder.start();
    // A hung browser must not hang the build: whatever happens, it is stopped after 10 minutes.
    CompletableFuture.delayedExecutor(10, TimeUnit.MINUTES).execute(browser::destroyForcibly);
    StringBuilder output = new StringBuilder();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        System.out.println(line);
        output.append(line).append('\n');
        if (line.equals(RESTART_REQUEST)) {
          node.get().kill();
          node.set(cluster.start("console-node", settings, port));
          Files.createFile(restarted);
        }
      }
      assertTrue(browser.waitFor(60, TimeUnit.SECONDS), "the browser script ended");
      assertEquals(0, browser.exitValue(), output.toString());
      assertTrue(output.toString().contains("E2E ok reconnect"), output.toString());
    } finally {
      browser.destroyForcibly();
      node.get().kill();
    }
  }

  /**
   * The console's page, with the application's root written in, and its scripts under {@link
   * #CONSOLE_PATH}; nothing of it at the root, and its directory never reachable as such.
   */
  private static void assertServedUnderItsPathOnly(String base) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> bare = get(http, base + CONSOLE_PATH);
    assertEquals(302, bare.statusCode());
    assertEquals(
        base + CONSOLE_PATH + "/",
        bare.headers().firstValue("Location").map(l -> l.startsWith("/") ? base + l : l).get());
    HttpResponse<String> page = get(http, base + CONSOLE_PATH + "/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<meta name=\"taskqueue-root\" content=\"\""), page.body());
    assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(null));
    Matcher script = Pattern.compile("src=\"\\./(assets/[^\"]+\\.js)\"").matcher(page.body());
    assertTrue(script.find(), page.body());
    HttpResponse<String> loaded = get(http, base + CONSOLE_PATH + "/" + script.group(1));
    assertEquals(200, loaded.statusCode());
    assertTrue(loaded.headers().firstValue("Content-Type").orElse("").contains("javascript"));
    for (String elsewhere :
        List.of("/", "/index.html", "/" + script.group(1), "/WEB-INF/console/index.html")) {
      assertEquals(404, get(http, base + elsewhere).statusCode(), elsewhere);
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
