package io.taskqueue.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.Directories;
import io.taskqueue.launcher.control.FreePort;
import io.taskqueue.support.Api;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The container image's entrypoint, run as the image runs it (the image itself cannot be built or
 * run on this machine: no container runtime): its exact command line and environment, an
 * installation directory it must not write to, a work directory under a writable /tmp, and SIGTERM
 * to stop it. The node comes up ready, serves the API, writes nothing into its installation, and
 * exits on SIGTERM within the shutdown grace.
 */
class ImageEntrypointFaultIT {

  @Test
  void theEntrypointRunsANodeFromAReadOnlyInstallationAndStopsOnSigterm() throws Exception {
    FaultCluster cluster = new FaultCluster("image");
    Path home = Files.createTempDirectory("taskqueue-home");
    Path work = Files.createTempDirectory("taskqueue-tmp").resolve("taskqueue");
    Path docker = Path.of("../server-config/src/main/docker");
    copy(Path.of(System.getProperty("taskqueue.micro-jar")), home.resolve("payara-micro.jar"));
    copy(Path.of(System.getProperty("taskqueue.war")), home.resolve("taskqueue.war"));
    copy(
        Path.of("../server-config/src/main/resources/payara/preboot.asadmin"),
        home.resolve("preboot.asadmin"));
    copy(docker.resolve("entrypoint.sh"), home.resolve("entrypoint.sh"));
    Map<String, Long> installed = snapshot(home);
    int port = FreePort.find();

    ProcessBuilder builder =
        new ProcessBuilder("/bin/sh", home.resolve("entrypoint.sh").toString());
    builder.environment().putAll(cluster.environment("image-node", Map.of()));
    builder.environment().put("TASKQUEUE_HOME", home.toString());
    builder.environment().put("TASKQUEUE_WORK_DIR", work.toString());
    builder.environment().put("TASKQUEUE_HTTP_PORT", Integer.toString(port));
    builder.environment().put("TASKQUEUE_SHUTDOWN_GRACE_MS", "2000");
    builder
        .environment()
        .put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    builder.environment().put("JAVA_OPTS", "-Xmx320m -XX:TieredStopAtLevel=1");
    builder.redirectErrorStream(true);
    builder.redirectOutput(Files.createTempFile("image-node", ".log").toFile());
    Process node = builder.start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      await()
          .atMost(FaultCluster.BOOT)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> !node.isAlive() || status(http, port, "/health/ready") == 200);
      assertTrue(node.isAlive(), "the node exited while starting");
      assertEquals(200, status(http, port, "/api/me"));
      assertEquals(installed, snapshot(home), "the installation is read-only to it");
      assertTrue(
          Files.isDirectory(work.resolve("payara")), "Payara works under TASKQUEUE_WORK_DIR");

      long stopping = System.nanoTime();
      node.destroy(); // SIGTERM to the JVM: the entrypoint exec'd it
      assertTrue(node.waitFor(60, TimeUnit.SECONDS), "stopped within 60 s of SIGTERM");
      // Had the script not exec'd the JVM, the signal would have ended the shell alone.
      assertEquals(-1, status(http, port, "/health/live"), "nothing answers on the port any more");
      System.out.printf(
          "FAULT image-entrypoint: ready, stopped %d ms after SIGTERM, exit %d%n",
          Duration.ofNanos(System.nanoTime() - stopping).toMillis(), node.exitValue());
    } finally {
      node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      // About 250 MB: the installation's copies and Payara's unpacked runtime.
      Directories.deleteRecursively(home);
      Directories.deleteRecursively(work.getParent());
    }
  }

  private static int status(HttpClient http, int port, String path) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .header("Authorization", "Bearer " + Api.ADMIN_KEY)
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Every file under {@code dir} with its size and modification time. */
  private static Map<String, Long> snapshot(Path dir) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path file : all.toList()) {
        files.put(
            dir.relativize(file) + "",
            Files.size(file) * 31 + Files.getLastModifiedTime(file).toMillis());
      }
    }
    return files;
  }
}
