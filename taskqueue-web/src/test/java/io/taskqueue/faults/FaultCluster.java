package io.taskqueue.faults;

import io.taskqueue.launcher.control.FreePort;
import io.taskqueue.launcher.control.PayaraMicroProcess;
import io.taskqueue.launcher.control.ServiceEndpoints;
import io.taskqueue.launcher.control.TestServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * taskqueue nodes for fault tests, each a Payara Micro JVM of its own (started the way the local
 * launcher starts them: loopback only, no clustering) on this JVM's PostgreSQL and Redis.
 */
final class FaultCluster {

  static final Duration BOOT = Duration.ofSeconds(240);

  private final ServiceEndpoints endpoints = TestServices.endpoints();
  private final Path workDirectory;

  FaultCluster() {
    try {
      workDirectory = Files.createTempDirectory("taskqueue-faults");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a node and waits for its API; {@code settings} are extra environment variables. */
  PayaraMicroProcess start(String name, Map<String, String> settings) throws InterruptedException {
    Map<String, String> env = new HashMap<>(endpoints.asEnvironment());
    env.put("TASKQUEUE_NODE_NAME", name);
    env.putAll(settings);
    PayaraMicroProcess node =
        PayaraMicroProcess.start(
            Path.of(System.getProperty("taskqueue.micro-jar")),
            Path.of(System.getProperty("taskqueue.war")),
            FreePort.find(),
            workDirectory.resolve(name + "-" + System.nanoTime()),
            env,
            List.of("-Xmx320m", "-XX:TieredStopAtLevel=1"));
    if (!node.awaitApi(BOOT)) {
      node.kill();
      throw new IllegalStateException("node " + name + " did not boot; logs in " + workDirectory);
    }
    return node;
  }

  String redisUrl() {
    return endpoints.redisUrl();
  }

  Connection database() throws SQLException {
    return DriverManager.getConnection(
        endpoints.dbUrl(), endpoints.dbUser(), endpoints.dbPassword());
  }
}
