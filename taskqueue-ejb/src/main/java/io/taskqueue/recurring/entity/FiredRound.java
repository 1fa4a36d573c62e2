package io.taskqueue.recurring.entity;

import io.taskqueue.job.entity.Job;
import java.util.List;

/** One firing round on one node: how many due schedules it handled, and the jobs it stored. */
public record FiredRound(int schedules, List<Job> jobs) {}
