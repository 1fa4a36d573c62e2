package io.taskqueue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Submits, reads, cancels and retries jobs from Java. Inject it ({@code @Inject TaskQueue tasks})
 * anywhere in the deployment that holds the engine.
 *
 * <p><b>Transactions.</b> Called inside a JTA transaction, a submission joins it: the job is stored
 * when your transaction commits and handed to the workers only after that; when it rolls back there
 * is no job, nothing reaches Redis and no event is published. Called outside one, it commits on its
 * own. Keep your business rows in the same database through the same datasource ({@code
 * java:app/jdbc/taskqueue}) and the two commit together as one local transaction; for another
 * database, use an XA datasource for it (see the README, "Use it in your application").
 */
public interface TaskQueue {

  /**
   * Submits a job of {@code type} with every option defaulted.
   *
   * @param type the handler's job type
   * @param payload a JSON object, any object JSON-B maps to one, or null for {@code {}}
   * @return the new job's id
   * @throws InvalidJobException when the rules refuse it
   */
  UUID submit(String type, Object payload);

  /**
   * Submits a job.
   *
   * @param request the job and its options
   * @return the new job's id, or the earlier job's id when its idempotency key was used within the
   *     window
   * @throws InvalidJobException when the rules refuse it
   * @throws IdempotencyKeyConflictException when its key was used for a different job
   */
  UUID submit(JobRequest request);

  /**
   * Submits jobs all or none (up to the batch limit, by default 1,000): in one statement however
   * many there are when none has an idempotency key. Each key is honoured as {@link
   * #submit(JobRequest)} honours it: a key used within its window, earlier or in the same batch,
   * gives that earlier job's id and stores nothing for it.
   *
   * @param requests the jobs
   * @return their ids, in order
   * @throws InvalidJobException when the rules refuse any of them (none is stored)
   * @throws IdempotencyKeyConflictException when a key was used for a different job: none of the
   *     batch is stored, and a transaction of yours that the batch joined is marked for rollback
   */
  List<UUID> submitAll(List<JobRequest> requests);

  /**
   * Submits jobs that depend on each other, all or none, in the caller's transaction like {@link
   * #submit(JobRequest)}: the jobs without parents are queued at once, the others wait for theirs.
   *
   * @param workflow the jobs and their parents
   * @return the workflow's id and each job's id by key
   * @throws InvalidJobException when the rules refuse a job or the workflow (a cycle, an unknown
   *     parent, a parent that already failed); nothing is stored, and a transaction of yours that
   *     the submission joined is marked for rollback
   */
  SubmittedWorkflow submitWorkflow(Workflow workflow);

  /**
   * Reads a job.
   *
   * @param id the job's id
   * @return the job as stored now, or empty when there is none
   */
  Optional<JobInfo> get(UUID id);

  /**
   * Lists jobs, newest first, a page at a time (keyset pages: a job stored meanwhile never shifts a
   * page). {@code list(JobQuery.all().state(JobState.DEAD))} reads the dead letters.
   *
   * @param query the filters, page size and cursor
   * @return one page, and the cursor to the next
   * @throws IllegalArgumentException when the limit is not 1 to {@value JobQuery#MAX_LIMIT}
   */
  JobPage list(JobQuery query);

  /**
   * Reads a job's log: the lines its handler logged, from every attempt, oldest first. Logging is
   * buffered: a line shows here within about a second of being logged.
   *
   * @param id the job's id
   * @param after the number of the last line already read, 0 for the first page
   * @param limit how many lines at most, 1 to 1,000
   * @return the lines after {@code after}; empty when there are none or there is no such job
   * @throws IllegalArgumentException when {@code after} is negative or {@code limit} out of range
   */
  List<JobLogLine> logs(UUID id, int after, int limit);

  /**
   * Reads what a job's handler last reported of its progress.
   *
   * @param id the job's id
   * @return the last report, or empty when there is none or there is no such job
   */
  Optional<JobProgress> progress(UUID id);

  /**
   * Cancels a job: a waiting one never runs; a running one is interrupted and its outcome dropped.
   *
   * @param id the job's id
   * @return what the cancel found
   */
  CancelResult cancel(UUID id);

  /**
   * Queues a dead or cancelled job again with its full budget of attempts, as an operator's retry
   * over REST does ({@code attempt} keeps counting).
   *
   * @param id the job's id
   * @return what the retry found
   */
  RetryResult retry(UUID id);

  /**
   * The job's outcome, for a caller who wants to wait: completes with the job once it has finished
   * (completed, dead or cancelled), wherever it ran. Chain to it or wait with a timeout ({@code
   * completion(id).toCompletableFuture().get(30, SECONDS)}); the node looks a few times a second.
   * Listen to {@link JobOutcome} events instead where no caller waits.
   *
   * @param id the job's id
   * @return a stage that completes with the finished job; it fails with {@link
   *     java.util.NoSuchElementException} when there is no such job (or it is removed while waited
   *     for), and with {@link IllegalStateException} when this node already waits for as many jobs
   *     as {@code taskqueue.completions.max-waiting} (10,000) allows
   */
  CompletionStage<JobInfo> completion(UUID id);
}
