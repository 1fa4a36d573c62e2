package io.taskqueue.bench.control;

/** What every workload works with: the API, a watch on the queues, the resource sampler. */
public record BenchContext(TaskqueueApi api, QueueWatch queues, ResourceSampler sampler) {}
