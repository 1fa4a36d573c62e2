package io.taskqueue.launcher.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

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
      try {
        services =
            BackingServices.start(
                System.getenv(),
                Files.createTempDirectory("taskqueue-it"),
                FreePort.find(),
                FreePort.find(),
                false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(services::close, "taskqueue-test-services"));
    }
    return services.endpoints();
  }
}
