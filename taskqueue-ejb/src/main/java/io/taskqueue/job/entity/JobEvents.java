package io.taskqueue.job.entity;

import java.util.List;

/**
 * Events fired (as a CDI event) by the code that changed state, inside its transaction; heard after
 * it commits. {@code publishedWithDispatch} marks submissions, whose events the dispatch step
 * publishes itself, before the jobs reach Redis, so a job's {@code job.created} always comes before
 * its {@code job.started}.
 */
public record JobEvents(List<JobEvent> events, boolean publishedWithDispatch) {

  public static JobEvents of(JobEvent... events) {
    return new JobEvents(List.of(events), false);
  }
}
