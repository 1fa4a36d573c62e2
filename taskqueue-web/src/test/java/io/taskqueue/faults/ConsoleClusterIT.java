package io.taskqueue.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.FreePort;
import io.taskqueue.launcher.control.PayaraMicroProcess;
import io.taskqueue.support.Api;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The admin console in a real headless Chromium (Debian's, driven by playwright-core from {@code
 * src/main/frontend/e2e}) against a taskqueue node of its own, which this test restarts when the
 * browser script asks, to see the live feed reconnect. Screenshots of every page are left in {@code
 * target/e2e-artifacts}.
 */
class ConsoleClusterIT {

  static final String RESTART_REQUEST = "E2E:AWAIT-RESTART";

  @Test
  void theConsoleWorksInABrowserAndItsFeedReconnectsAfterTheServerRestarts() throws Exception {
    FaultCluster cluster = new FaultCluster("console_e2e");
    Map<String, String> settings =
        FaultCluster.withWorkers(Map.of("TASKQUEUE_RETRY_BASE_MS", "50"), "2");
    int port = FreePort.find();
    AtomicReference<PayaraMicroProcess> node =
        new AtomicReference<>(cluster.start("console-node", settings, port));
    Path artifacts = Path.of("target", "e2e-artifacts").toAbsolutePath();
    Files.createDirectories(artifacts);
    Path restarted = artifacts.resolve("restarted");
    Files.deleteIfExists(restarted);
    ProcessBuilder builder =
        new ProcessBuilder("node", "e2e/console.e2e.mjs")
            .directory(Path.of("src", "main", "frontend").toFile())
            .redirectErrorStream(true);
    builder.environment().put("BASE_URL", "http://127.0.0.1:" + port);
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
}
