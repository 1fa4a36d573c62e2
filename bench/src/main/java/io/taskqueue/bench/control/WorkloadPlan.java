package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.WorkloadSizes;
import java.util.ArrayList;
import java.util.List;

/** Turns the workload names given on the command line into workloads, in the order given. */
public final class WorkloadPlan {

  public static final List<String> NAMES =
      List.of("idle", "w1", "w1b", "w2", "w3", "wf", "sched", "prune", "backlog");

  private WorkloadPlan() {}

  public static List<Workload> of(List<String> names, WorkloadSizes sizes, BenchContext bench) {
    List<Workload> workloads = new ArrayList<>();
    for (String name : names) {
      switch (name.strip()) {
        case "idle" -> workloads.add(new IdleWorkload(bench, sizes.idleSeconds()));
        case "w1" ->
            workloads.add(
                new SubmitThroughputWorkload(bench, "w1", sizes.w1Clients(), 1, sizes.w1Jobs()));
        case "w1b" ->
            workloads.add(
                new SubmitThroughputWorkload(
                    bench, "w1b", sizes.w1bClients(), sizes.w1bBatch(), sizes.w1bJobs()));
        case "w2" -> workloads.add(new DrainWorkload(bench, sizes.w2Jobs()));
        case "wf" -> workloads.add(new WorkflowWorkload(bench));
        case "sched" -> workloads.add(new ScheduleWorkload(bench));
        case "backlog" ->
            workloads.add(
                new BacklogWorkload(
                    bench, sizes.backlogJobs(), sizes.backlogDelayed(), sizes.idleSeconds()));
        case "prune" ->
            workloads.add(
                new PruneWorkload(
                    bench,
                    bench.database(),
                    sizes.pruneJobs(),
                    sizes.pruneExpired(),
                    sizes.pruneDrain(),
                    sizes.w2Jobs()));
        case "w3" ->
            sizes
                .w3Rates()
                .forEach(
                    rate ->
                        workloads.add(
                            new LatencyWorkload(
                                bench, rate, sizes.w3Seconds(), sizes.w3BatchEveryMs())));
        default ->
            throw new IllegalArgumentException(
                "unknown workload '" + name + "'; known: " + String.join(",", NAMES));
      }
    }
    return workloads;
  }
}
