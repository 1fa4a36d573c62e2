package io.taskqueue.bench.entity;

import java.util.List;

/** How big each workload is; the command-line options, in one value. */
public record WorkloadSizes(
    int idleSeconds,
    int w1Clients,
    int w1Jobs,
    int w1bClients,
    int w1bBatch,
    int w1bJobs,
    int w2Jobs,
    List<Integer> w3Rates,
    int w3Seconds,
    int w3BatchEveryMs,
    long pruneJobs,
    long pruneExpired,
    boolean pruneDrain,
    long backlogJobs,
    long backlogDelayed) {}
