package io.taskqueue.bench.boundary;

import io.taskqueue.bench.entity.WorkloadSizes;
import java.util.List;
import picocli.CommandLine.Option;

/** The size of each workload. The defaults take about ten minutes on a two-core machine. */
public final class WorkloadSizeOptions {

  @Option(
      names = "--idle-seconds",
      defaultValue = "30",
      description = "idle: seconds to sample (default ${DEFAULT-VALUE}).")
  int idleSeconds;

  @Option(
      names = "--w1-clients",
      defaultValue = "16",
      description = "w1: concurrent clients (default ${DEFAULT-VALUE}).")
  int w1Clients;

  @Option(
      names = "--w1-jobs",
      defaultValue = "20000",
      description = "w1: jobs to submit, one per request (default ${DEFAULT-VALUE}).")
  int w1Jobs;

  @Option(
      names = "--w1b-clients",
      defaultValue = "4",
      description = "w1b: concurrent clients (default ${DEFAULT-VALUE}).")
  int w1bClients;

  @Option(
      names = "--w1b-batch",
      defaultValue = "500",
      description = "w1b: jobs per batch request, 1 to 1000 (default ${DEFAULT-VALUE}).")
  int w1bBatch;

  @Option(
      names = "--w1b-jobs",
      defaultValue = "100000",
      description = "w1b: jobs to submit (default ${DEFAULT-VALUE}).")
  int w1bJobs;

  @Option(
      names = "--w2-jobs",
      defaultValue = "50000",
      description = "w2: jobs to queue up and drain (default ${DEFAULT-VALUE}).")
  int w2Jobs;

  @Option(
      names = "--w3-rates",
      split = ",",
      defaultValue = "500,5000",
      description = "w3: offered rates in jobs/s, one workload each (default ${DEFAULT-VALUE}).")
  List<Integer> w3Rates;

  @Option(
      names = "--w3-seconds",
      defaultValue = "20",
      description = "w3: seconds to submit at each rate (default ${DEFAULT-VALUE}).")
  int w3Seconds;

  @Option(
      names = "--w3-batch-every-ms",
      defaultValue = "10",
      description =
          "w3: send the jobs due in each such tick as one batch request; 0 sends one request per"
              + " job (default ${DEFAULT-VALUE}).")
  int w3BatchEveryMs;

  WorkloadSizes sizes() {
    if (w1bBatch < 1 || w1bBatch > 1000) {
      throw new IllegalArgumentException("--w1b-batch must be 1 to 1000, the server's batch limit");
    }
    if (w3BatchEveryMs < 0 || w3BatchEveryMs > 1000) {
      throw new IllegalArgumentException("--w3-batch-every-ms must be 0 to 1000");
    }
    if (List.of(idleSeconds, w1Clients, w1Jobs, w1bClients, w1bJobs, w2Jobs, w3Seconds).stream()
            .anyMatch(n -> n < 1)
        || w3Rates.stream().anyMatch(n -> n < 1)) {
      throw new IllegalArgumentException("workload sizes, rates and durations must be positive");
    }
    return new WorkloadSizes(
        idleSeconds,
        w1Clients,
        w1Jobs,
        w1bClients,
        w1bBatch,
        w1bJobs,
        w2Jobs,
        w3Rates,
        w3Seconds,
        w3BatchEveryMs);
  }
}
