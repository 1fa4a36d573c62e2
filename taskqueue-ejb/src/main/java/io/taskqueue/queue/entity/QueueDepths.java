package io.taskqueue.queue.entity;

import io.taskqueue.job.entity.Priority;
import java.util.Map;

/**
 * What Redis holds now: jobs waiting per priority, jobs whose retry delay has not passed yet, and
 * jobs leased to workers.
 */
public record QueueDepths(Map<Priority, Long> waiting, long delayed, long inFlight) {}
