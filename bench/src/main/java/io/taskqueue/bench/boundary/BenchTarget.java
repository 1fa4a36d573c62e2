package io.taskqueue.bench.boundary;

import io.taskqueue.bench.control.BenchDatabase;
import io.taskqueue.bench.control.ProcessTable;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Option;

/** Which server the bench measures: its API key and the process to sample. */
public final class BenchTarget {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Option(names = "--key", description = "Admin API key (default: the contents of --key-file).")
  String key;

  @Option(
      names = "--key-file",
      defaultValue = ".taskqueue/admin.key",
      description = "File holding the admin API key (default ${DEFAULT-VALUE}).")
  Path keyFile;

  @Option(
      names = "--server-pid",
      description =
          "The Payara Micro process to sample (default: the payara-micro process, or the one"
              + " whose command line names the port of --url).")
  Long serverPid;

  @Option(
      names = "--pg-url",
      defaultValue = "jdbc:postgresql://127.0.0.1:54329/postgres",
      description =
          "The server's PostgreSQL, for the prune workload (default ${DEFAULT-VALUE}: the local"
              + " launcher's embedded one). The password comes from PGPASSWORD, else the"
              + " launcher's default.")
  String pgUrl;

  @Option(
      names = "--pg-user",
      defaultValue = "postgres",
      description = "PostgreSQL user (default ${DEFAULT-VALUE}).")
  String pgUser;

  BenchDatabase database() {
    String password = System.getenv("PGPASSWORD");
    return new BenchDatabase(pgUrl, pgUser, password != null ? password : "postgres");
  }

  String key() throws IOException {
    if (key != null && !key.isBlank()) {
      return key.strip();
    }
    if (!Files.isRegularFile(keyFile)) {
      throw new IllegalArgumentException(
          "no API key: give --key, or --key-file (" + keyFile + " does not exist)");
    }
    return Files.readString(keyFile).strip();
  }

  long serverPid(URI url) {
    if (serverPid != null) {
      return serverPid;
    }
    int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
    return ProcessTable.findPayaraMicro(port)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "cannot tell which process is the server on port "
                        + port
                        + " (none or several payara-micro processes); give --server-pid"));
  }

  /** {@code bench/results/bench-20261128T030936Z.json}, relative to the working directory. */
  static Path defaultResultsFile(Instant startedAt) {
    return Path.of("bench", "results", "bench-" + STAMP.format(startedAt) + ".json");
  }
}
