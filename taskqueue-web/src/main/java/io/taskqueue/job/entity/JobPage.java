package io.taskqueue.job.entity;

import java.util.List;

/** One page of a job listing; {@code nextCursor} is absent on the last page. */
public record JobPage(List<JobView> items, String nextCursor) {}
