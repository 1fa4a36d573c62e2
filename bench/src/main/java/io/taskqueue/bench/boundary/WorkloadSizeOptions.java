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

  @Option(
      names = "--prune-jobs",
      defaultValue = "10000000",
      description =
          "prune: completed jobs in the database when the prune starts, the expired ones"
              + " included (default ${DEFAULT-VALUE}).")
  long pruneJobs;

  @Option(
      names = "--prune-expired",
      defaultValue = "1400000",
      description =
          "prune: of those, jobs past the configured age, created over one day"
              + " (default ${DEFAULT-VALUE}).")
  long pruneExpired;

  @Option(
      names = "--prune-drain",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "prune: drain w2 again and again while the prune runs (--no-prune-drain: time the"
              + " prune alone).")
  boolean pruneDrain;

  @Option(
      names = "--backlog-jobs",
      defaultValue = "1000000",
      description = "backlog: queued jobs to load and hold (default ${DEFAULT-VALUE}).")
  long backlogJobs;

  @Option(
      names = "--backlog-delayed",
      defaultValue = "100000",
      description =
          "backlog: jobs scheduled 15 minutes ahead, loaded beside them (default ${DEFAULT-VALUE}).")
  long backlogDelayed;

  WorkloadSizes sizes() {
    if (w1bBatch < 1 || w1bBatch > 1000) {
      throw new IllegalArgumentException("--w1b-batch must be 1 to 1000, the server's batch limit");
    }
    if (w3BatchEveryMs < 0 || w3BatchEveryMs > 1000) {
      throw new IllegalArgumentException("--w3-batch-every-ms must be 0 to 1000");
    }
    if (List.of(idleSeconds, w1Clients, w1Jobs, w1bClients, w1bJobs, w2Jobs, w3Seconds).stream()
            .anyMatch(n -> n < 1)
        || pruneExpired < 1
        || pruneExpired > pruneJobs
        || backlogJobs < 1
        || backlogDelayed < 0
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
        w3BatchEveryMs,
        pruneJobs,
        pruneExpired,
        pruneDrain,
        backlogJobs,
        backlogDelayed);
  }
}
