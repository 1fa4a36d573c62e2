package io.taskqueue.job.control;

import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.NewJob;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Makes the row of a checked submission: one place for every way jobs are created. */
public final class NewJobs {

  private NewJobs() {}

  /** The job {@code n} asks for, created now, with the id {@code id}. */
  public static Job toJob(UUID id, NewJob n) {
    Job job =
        new Job(
            id,
            n.type(),
            n.payload(),
            n.priority(),
            n.maxAttempts(),
            OffsetDateTime.now(ZoneOffset.UTC),
            n.runAt(),
            n.retryPolicy(),
            n.timeoutMs());
    job.setSubmittedBy(n.submittedBy());
    return job;
  }
}
