package io.taskqueue.launcher.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One PostgreSQL and one Redis shared by all integration tests of a JVM: external ones when the
 * {@code TASKQUEUE_*} environment variables name them, otherwise fresh embedded ones on free ports,
 * stopped when the JVM exits.
 */
public final class TestServices {

  private static BackingServices services;

  private TestServices() {}

  public static synchronized ServiceEndpoints endpoints() {
    if (services == null) {
      Path data;
      try {
        data = Files.createTempDirectory("taskqueue-it");
        services =
            BackingServices.start(System.getenv(), data, FreePort.find(), FreePort.find(), false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // Their data (some 300 MB after a suite) goes with them.
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    services.close();
                    Directories.deleteRecursively(data);
                  },
                  "taskqueue-test-services"));
    }
    return services.endpoints();
  }

  /**
   * The PostgreSQL driver's jar, for a server that needs it in its own libraries (a pool the
   * operators define, or Payara Server's pools while it deploys an EAR).
   */
  public static Path postgresDriverJar() {
    try {
      return Path.of(
          org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
