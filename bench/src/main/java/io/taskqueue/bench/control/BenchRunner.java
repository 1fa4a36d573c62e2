package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.RunResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs each workload {@code runs} times, one after the other, waiting before each run until the
 * server has finished the jobs of the previous one. Prints a line per run as it goes.
 */
public final class BenchRunner {

  private final QueueWatch queues;
  private final PrintStream log;
  private final List<RunResult> results = new ArrayList<>();

  public BenchRunner(QueueWatch queues, PrintStream log) {
    this.queues = queues;
    this.log = log;
  }

  /**
   * Every run, in order. A {@link RateLimitedException} stops everything (the results so far stay
   * in {@link #results()}); any other exception fails just its run.
   */
  public List<RunResult> runAll(List<Workload> workloads, int runs, int warmups) {
    for (Workload workload : workloads) {
      if (workload.warmsUp()) {
        warmUp(workload, warmups);
      }
      for (int run = 1; run <= runs; run++) {
        RunResult result;
        try {
          queues.awaitIdle();
          result = workload.run(run);
        } catch (RateLimitedException e) {
          RunResult stopped = RunResult.failed(workload.name(), run, e.getMessage());
          results.add(stopped);
          log.println(line(stopped, runs));
          throw e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
          result = RunResult.failed(workload.name(), run, String.valueOf(e));
        }
        results.add(result);
        log.println(line(result, runs));
      }
    }
    return results();
  }

  /**
   * Runs the workload unrecorded first: right after a server starts, its JIT compiler takes a core
   * for minutes, and the first runs would measure that instead of the server.
   */
  private void warmUp(Workload workload, int warmups) {
    for (int i = 1; i <= warmups; i++) {
      try {
        queues.awaitIdle();
        RunResult warm = workload.run(0);
        log.println(
            String.format("%-8s warm-up %d/%d done (not counted)", warm.workload(), i, warmups));
      } catch (RateLimitedException e) {
        throw e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (Exception e) {
        log.println("  warm-up of " + workload.name() + " failed: " + e);
      }
    }
  }

  public List<RunResult> results() {
    return List.copyOf(results);
  }

  /** {@code w1 run 1/3: jobs/s 812.3 · request p50 ms 3.21 · ...}, then notes and failure. */
  static String line(RunResult result, int runs) {
    String numbers =
        result.metrics().stream()
            .filter(m -> !m.detail())
            .map(m -> m.name() + " " + m.formatted())
            .collect(Collectors.joining(" · "));
    StringBuilder line =
        new StringBuilder(String.format("%-8s run %d/%d: ", result.workload(), result.run(), runs))
            .append(numbers);
    result.notes().forEach(note -> line.append("\n    note: ").append(note));
    if (!result.ok()) {
      line.append("\n    FAILED: ").append(result.failure());
    }
    return line.toString();
  }
}
