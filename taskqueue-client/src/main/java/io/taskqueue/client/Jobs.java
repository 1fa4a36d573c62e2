package io.taskqueue.client;

import io.taskqueue.client.control.Call;
import io.taskqueue.client.control.KeysetPages;
import io.taskqueue.client.control.ListOf;
import io.taskqueue.client.control.Pages.JobPage;
import io.taskqueue.client.control.Transport;
import io.taskqueue.client.entity.Attempt;
import io.taskqueue.client.entity.BatchSubmitted;
import io.taskqueue.client.entity.Dependencies;
import io.taskqueue.client.entity.Job;
import io.taskqueue.client.entity.JobRequest;
import io.taskqueue.client.entity.JobStatus;
import io.taskqueue.client.entity.LogLine;
import io.taskqueue.client.entity.LogPage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** {@code /api/jobs}: submit jobs, read them, list them, cancel and retry them. */
public final class Jobs {

  private final Transport transport;

  Jobs(Transport transport) {
    this.transport = transport;
  }

  /**
   * Stores a job and queues it. The call carries a fresh {@code Idempotency-Key}, so the retries
   * this client makes after a lost answer never store it twice.
   */
  public Job submit(JobRequest job) {
    return submit(job, UUID.randomUUID().toString());
  }

  /**
   * Stores a job under the caller's {@code idempotencyKey}: within the server's window (24 h), the
   * same key answers the job it stored first, however often it is sent.
   */
  public Job submit(JobRequest job, String idempotencyKey) {
    return transport.send(
        Call.post("submitJob", "api/jobs", job)
            .header("Idempotency-Key", idempotencyKey)
            .idempotent(),
        Job.class);
  }

  /**
   * Stores jobs in one transaction, all or none (at most the server's batch limit, 1,000 by
   * default). A batch has no idempotency key: it is sent again only when it surely did not arrive.
   */
  public BatchSubmitted submitAll(List<JobRequest> jobs) {
    return transport.send(Call.post("submitJobs", "api/jobs/batch", jobs), BatchSubmitted.class);
  }

  /** The job, with its payload and result. */
  public Job get(UUID id) {
    return transport.send(Call.get("getJob", "api/jobs/" + id), Job.class);
  }

  /** Jobs matching {@code query}, newest first, fetched a page at a time as the stream is read. */
  public Stream<Job> list(JobQuery query) {
    return KeysetPages.stream(
        cursor ->
            transport.send(
                Call.get("listJobs", "api/jobs")
                    .query("status", query.status() == null ? null : query.status().wireName())
                    .query("type", query.type())
                    .query(
                        "priority", query.priority() == null ? null : query.priority().wireName())
                    .query("limit", query.pageSize())
                    .query("cursor", cursor),
                JobPage.class),
        JobPage::items,
        JobPage::nextCursor);
  }

  /** Cancels a waiting or running job; {@link ConflictException} when it has finished. */
  public Job cancel(UUID id) {
    return transport.send(Call.post("cancelJob", "api/jobs/" + id + "/cancel", null), Job.class);
  }

  /** Queues a dead or cancelled job again; {@link ConflictException} otherwise. */
  public Job retry(UUID id) {
    return transport.send(Call.post("retryJob", "api/jobs/" + id + "/retry", null), Job.class);
  }

  /**
   * Queues a dead or cancelled job again, and the jobs its failure cancelled down its workflow wait
   * for it again.
   */
  public Job retryWithDependents(UUID id) {
    return transport.send(
        Call.post("retryJob", "api/jobs/" + id + "/retry", null).query("withDependents", true),
        Job.class);
  }

  /** The job's finished attempts, oldest first. */
  public List<Attempt> attempts(UUID id) {
    return transport.send(
        Call.get("listJobAttempts", "api/jobs/" + id + "/attempts"), new ListOf(Attempt.class));
  }

  /** The job's parents and children, and its workflow. */
  public Dependencies dependencies(UUID id) {
    return transport.send(
        Call.get("getJobDependencies", "api/jobs/" + id + "/dependencies"), Dependencies.class);
  }

  /** Up to {@code limit} (1–1,000) of the job's log lines after line {@code after} (0: all). */
  public LogPage logs(UUID id, int after, int limit) {
    return transport.send(
        Call.get("listJobLogs", "api/jobs/" + id + "/logs")
            .query("after", after)
            .query("limit", limit),
        LogPage.class);
  }

  /** Every log line the job has now, oldest first, a page at a time. */
  public Stream<LogLine> logLines(UUID id) {
    return KeysetPages.stream(
        after -> logs(id, after == null ? 0 : Integer.parseInt(after), 1_000),
        LogPage::lines,
        page -> page.lines().isEmpty() ? null : String.valueOf(page.next()));
  }

  /**
   * Reads the job until its status is final (completed, dead or cancelled), polling at most every
   * {@code interval}; the job as last read when {@code timeout} passes first.
   */
  public Job awaitFinal(UUID id, Duration timeout, Duration interval) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Job job = get(id);
    while (!JobStatus.of(job.status()).isFinal() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TaskQueueException("Interrupted while waiting for job " + id, 0, null, e);
      }
      job = get(id);
    }
    return job;
  }
}
