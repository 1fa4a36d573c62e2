package io.taskqueue.bench.control;

/**
 * What every workload works with: the API, a watch on the queues, the resource sampler, and the
 * server's database (only the prune workload connects to it).
 */
public record BenchContext(
    TaskqueueApi api, QueueWatch queues, ResourceSampler sampler, BenchDatabase database) {}
