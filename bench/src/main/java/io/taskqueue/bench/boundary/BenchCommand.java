package io.taskqueue.bench.boundary;

import io.taskqueue.bench.control.BenchContext;
import io.taskqueue.bench.control.BenchRunner;
import io.taskqueue.bench.control.MachineProbe;
import io.taskqueue.bench.control.MarkdownTable;
import io.taskqueue.bench.control.QueueWatch;
import io.taskqueue.bench.control.RateLimitedException;
import io.taskqueue.bench.control.ResourceSampler;
import io.taskqueue.bench.control.ResultsJson;
import io.taskqueue.bench.control.RunSummaries;
import io.taskqueue.bench.control.TaskqueueApi;
import io.taskqueue.bench.control.Workload;
import io.taskqueue.bench.control.WorkloadPlan;
import io.taskqueue.bench.entity.Machine;
import io.taskqueue.bench.entity.QueueSnapshot;
import io.taskqueue.bench.entity.RunResult;
import io.taskqueue.bench.entity.Summary;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Benchmarks a running taskqueue. Its duties, in order:
 *
 * <ol>
 *   <li>find the API key and the server's process, and check the server is reachable and no queue
 *       is paused;
 *   <li>run each workload {@code --runs} times, printing a line per run;
 *   <li>print a Markdown table of medians and ranges, and write every number to {@code --out};
 *   <li>exit 0 only if every run succeeded.
 * </ol>
 */
@Command(
    name = "taskqueue-bench",
    mixinStandardHelpOptions = true,
    description = "Measures a running taskqueue: submit throughput, drain rate, latency, CPU.")
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:8080",
      description = "The server (default ${DEFAULT-VALUE}).")
  URI url;

  @Mixin BenchTarget target;

  @Option(
      names = "--workloads",
      split = ",",
      defaultValue = "w1,w1b,w2,w3,idle",
      description =
          "Which to run, in order (default ${DEFAULT-VALUE}: idle last, once the JIT is done);"
              + " also wf (a 10,000-job workflow), sched (1,000 schedules firing at once) and"
              + " prune (retention removing a day of finished jobs from 10 million) and backlog"
              + " (a node holding a million queued jobs); these two load their jobs straight"
              + " into PostgreSQL: see --pg-url.")
  List<String> workloads;

  @Option(
      names = "--runs",
      defaultValue = "3",
      description = "Runs per workload (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--warmup-runs",
      defaultValue = "2",
      description =
          "Unrecorded runs of each workload before its measured runs, for the server's JIT"
              + " (default ${DEFAULT-VALUE}).")
  int warmups;

  @Option(
      names = "--out",
      description = "JSON results file (default bench/results/bench-<UTC timestamp>.json).")
  Path out;

  @Mixin WorkloadSizeOptions sizes;

  public static void main(String[] args) {
    CommandLine command = new CommandLine(new BenchCommand());
    // a wrong key or an unreachable server deserves one line, not a stack trace
    command.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          System.err.println("taskqueue-bench: " + (e.getMessage() != null ? e.getMessage() : e));
          return 2;
        });
    System.exit(command.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (warmups < 0) {
      throw new IllegalArgumentException("--warmup-runs must not be negative");
    }
    if (runs < 1) {
      throw new IllegalArgumentException("--runs must be at least 1");
    }
    PrintStream log = System.out;
    Instant startedAt = Instant.now();
    Path results = out != null ? out : BenchTarget.defaultResultsFile(startedAt);
    long serverPid = target.serverPid(url);
    TaskqueueApi api = new TaskqueueApi(url, target.key());
    QueueWatch queues = new QueueWatch(api, log);
    QueueSnapshot first;
    try {
      first = queues.snapshot();
    } catch (ConnectException e) {
      throw new IllegalStateException("cannot connect to " + url + "; is the server running?", e);
    }
    if (!first.paused().isEmpty()) {
      throw new IllegalStateException(
          "queues " + first.paused() + " are paused; resume them before benchmarking");
    }
    ResourceSampler sampler = new ResourceSampler(serverPid);
    BenchContext bench = new BenchContext(api, queues, sampler, target.database());
    List<Workload> plan = WorkloadPlan.of(workloads, sizes.sizes(), bench);
    Machine machine = MachineProbe.describe();
    log.printf(
        "taskqueue-bench: %s; %d CPUs (%s), %,d MB, %s%n  sampling %s%n",
        url,
        machine.cpus(),
        machine.cpuModel(),
        machine.memoryMb(),
        machine.java(),
        sampler.description());
    BenchRunner runner = new BenchRunner(queues, log);
    String stopped = null;
    try {
      runner.runAll(plan, runs, warmups);
    } catch (RateLimitedException e) {
      stopped = e.getMessage();
    }
    List<RunResult> all = runner.results();
    List<Summary> summaries = RunSummaries.of(all);
    log.println();
    log.print(MarkdownTable.of(summaries, all));
    Map<String, Object> options = OptionValues.of(spec);
    options.put("--server-pid", serverPid);
    options.put("--out", results.toString());
    options.put("sampled", sampler.description());
    ResultsJson.write(results, ResultsJson.of(startedAt, machine, options, all, summaries));
    log.println("\ntaskqueue-bench: results in " + results);
    if (stopped != null) {
      System.err.println("taskqueue-bench: stopped: " + stopped);
      return 3;
    }
    return all.stream().allMatch(RunResult::ok) ? 0 : 1;
  }
}
