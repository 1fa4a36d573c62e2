package io.taskqueue.launcher.control;

import java.util.List;
import java.util.Map;

/**
 * What a {@link PayaraServerDomain} runs with, besides its loopback-only network settings.
 *
 * @param systemProperties set on the server ({@code asadmin create-system-properties} does the
 *     same), where MicroProfile Config finds them: {@code taskqueue.db.url} and the like
 * @param jvmOptions JVM options such as {@code -Xmx512m}; each replaces the template's option of
 *     the same name
 * @param environment environment variables of the server process (MicroProfile Config reads these
 *     too)
 */
public record PayaraServerSettings(
    Map<String, String> systemProperties,
    List<String> jvmOptions,
    Map<String, String> environment) {

  public PayaraServerSettings {
    systemProperties = Map.copyOf(systemProperties);
    jvmOptions = List.copyOf(jvmOptions);
    environment = Map.copyOf(environment);
  }

  /** Settings of system properties and JVM options alone. */
  public PayaraServerSettings(Map<String, String> systemProperties, List<String> jvmOptions) {
    this(systemProperties, jvmOptions, Map.of());
  }
}
