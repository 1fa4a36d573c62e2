package io.taskqueue.launcher.boundary;

import io.taskqueue.launcher.control.AdminKey;
import io.taskqueue.launcher.control.BackingServices;
import io.taskqueue.launcher.control.PayaraMicroProcess;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the whole stack on one machine: PostgreSQL, Redis and Payara Micro with taskqueue, on
 * 127.0.0.1. Its duties, in order:
 *
 * <ol>
 *   <li>start embedded PostgreSQL and Redis (unless {@code TASKQUEUE_DB_URL} / {@code
 *       TASKQUEUE_REDIS_URL} name external ones), keeping their data in {@code --data-dir};
 *   <li>start Payara Micro with the WAR and wait until the API answers;
 *   <li>give Payara the bootstrap admin key ({@link AdminKey}) unless the environment has one;
 *   <li>print the URL and the key, then wait; on Ctrl-C stop Payara first, then the services.
 * </ol>
 */
@Command(
    name = "taskqueue-local",
    mixinStandardHelpOptions = true,
    description = "Runs taskqueue with embedded PostgreSQL and Redis, all on 127.0.0.1.")
public final class LocalStackCommand implements Callable<Integer> {

  private static final Path REPOSITORY = repositoryRoot();

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "HTTP port (default ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(
      names = "--data-dir",
      defaultValue = ".taskqueue",
      description =
          "Where PostgreSQL, Redis and Payara keep their files (default ${DEFAULT-VALUE}).")
  Path dataDirectory;

  @Option(names = "--pg-port", defaultValue = "54329", description = "Embedded PostgreSQL port.")
  int pgPort;

  @Option(names = "--redis-port", defaultValue = "63799", description = "Embedded Redis port.")
  int redisPort;

  @Option(names = "--war", description = "The taskqueue WAR (default: the one the build made).")
  Path war = REPOSITORY.resolve("taskqueue-web/target/taskqueue-web.war");

  @Option(
      names = "--micro-jar",
      description = "The Payara Micro jar (default: the one the build copied).")
  Path microJar = REPOSITORY.resolve("taskqueue-web/target/payara-micro.jar"); // run --nohazelcast

  @Option(
      names = "--boot-timeout",
      defaultValue = "180",
      description = "Seconds to wait for the API.")
  int bootTimeoutSeconds;

  public static void main(String[] args) {
    System.exit(new CommandLine(new LocalStackCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    for (Path required : List.of(war, microJar)) {
      if (!Files.isRegularFile(required)) {
        System.err.println(
            "taskqueue: " + required + " is missing; build first with ./mvnw package");
        return 2;
      }
    }
    long begin = System.nanoTime();
    BackingServices services =
        BackingServices.start(System.getenv(), dataDirectory, pgPort, redisPort, true);
    System.out.println("taskqueue: PostgreSQL at " + services.endpoints().dbUrl());
    System.out.println("taskqueue: Redis at " + services.endpoints().redisUrl());
    Map<String, String> settings = new HashMap<>(services.endpoints().asEnvironment());
    Optional<AdminKey> adminKey = AdminKey.forLocalRun(System.getenv(), dataDirectory);
    adminKey.ifPresent(key -> settings.put(AdminKey.VARIABLE, key.secret()));
    // The sleep and fail handlers are for trying taskqueue out; deployments enable them explicitly.
    settings.putIfAbsent(
        "TASKQUEUE_HANDLERS_DIAGNOSTIC_ENABLED",
        System.getenv().getOrDefault("TASKQUEUE_HANDLERS_DIAGNOSTIC_ENABLED", "true"));
    Path payaraDirectory = dataDirectory.resolve("payara");
    PayaraMicroProcess payara =
        PayaraMicroProcess.start(
            microJar, war, httpPort, payaraDirectory, settings, List.of("-Xmx384m"));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("taskqueue: stopping");
                  payara.close();
                  services.close();
                },
                "taskqueue-shutdown"));
    System.out.println(
        "taskqueue: Payara Micro starting (pid "
            + payara.pid()
            + "), log in "
            + payaraDirectory.resolve("payara.log"));
    if (!payara.awaitApi(Duration.ofSeconds(bootTimeoutSeconds))) {
      System.err.println(
          "taskqueue: the API did not come up; see " + payaraDirectory.resolve("payara.log"));
      return 1;
    }
    System.out.printf(
        "taskqueue: up in %.1f s at http://localhost:%d (API under /api). Ctrl-C stops everything.%n",
        (System.nanoTime() - begin) / 1e9, httpPort);
    adminKey.ifPresent(
        key -> System.out.println(key.announcement().replace(":8080", ":" + httpPort)));
    return payara.waitFor();
  }

  /** The repository this launcher was built in: {@code <root>/server-config/target/x.jar}. */
  private static Path repositoryRoot() {
    try {
      Path jar =
          Path.of(
              LocalStackCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = jar.getParent().getParent().getParent();
      return root != null ? root : Path.of(".");
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of(".");
    }
  }
}
