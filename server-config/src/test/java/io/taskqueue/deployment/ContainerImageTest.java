package io.taskqueue.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The image's recipe says what the issue asks of it: a base image chosen at build time, a non-root
 * user, the entrypoint that execs Payara Micro without clustering or phone-home, sized from the
 * container's memory, writing only under the work directory. {@code ImageEntrypointFaultIT} runs
 * that entrypoint.
 */
class ContainerImageTest {

  static final Path DOCKER = Path.of("src/main/docker");

  @Test
  void theImageRunsTheEntrypointAsANonRootUserOnAChosenBase() throws IOException {
    List<String> lines = Files.readAllLines(DOCKER.resolve("Dockerfile"));
    assertTrue(lines.contains("ARG BASE_IMAGE=eclipse-temurin:17-jre"), "base is a build argument");
    assertTrue(lines.contains("FROM ${BASE_IMAGE}"));
    assertTrue(lines.contains("USER 10001:10001"), "runs as the manifests' non-root user");
    assertTrue(lines.contains("ENTRYPOINT [\"/opt/taskqueue/entrypoint.sh\"]"));
    assertTrue(lines.contains("EXPOSE 8080"), "the port the manifests probe");
    assertTrue(lines.contains("STOPSIGNAL SIGTERM"));
  }

  @Test
  void theEntrypointExecsPayaraMicroAloneSizedByTheContainerAndWritingUnderTheWorkDirectory()
      throws IOException {
    String entrypoint = Files.readString(DOCKER.resolve("entrypoint.sh"));
    assertTrue(entrypoint.startsWith("#!/bin/sh\n"));
    for (String part :
        List.of(
            "exec \"${JAVA:-java}\"",
            "-XX:MaxRAMPercentage=",
            "--nohazelcast",
            "--disablephonehome",
            "--rootdir \"$work/payara\"",
            "-Djava.io.tmpdir=\"$work\"",
            "--prebootcommandfile \"$home/preboot.asadmin\"",
            "--deploy \"$home/taskqueue.war\"",
            "--contextroot /")) {
      assertTrue(entrypoint.contains(part), part);
    }
    assertEquals(
        "/opt/taskqueue",
        entrypoint.replaceAll("(?s).*home=\"\\$\\{TASKQUEUE_HOME:-([^}]+)}\".*", "$1"));
  }
}
