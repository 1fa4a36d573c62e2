package io.taskqueue.javaapi.boundary;

import io.taskqueue.CancelResult;
import io.taskqueue.InvalidJobException;
import io.taskqueue.InvalidJobException.Reason;
import io.taskqueue.JobInfo;
import io.taskqueue.JobLogLine;
import io.taskqueue.JobPage;
import io.taskqueue.JobProgress;
import io.taskqueue.JobQuery;
import io.taskqueue.JobRequest;
import io.taskqueue.RetryResult;
import io.taskqueue.SubmittedWorkflow;
import io.taskqueue.TaskQueue;
import io.taskqueue.Workflow;
import io.taskqueue.javaapi.control.JavaWorkflows;
import io.taskqueue.job.boundary.JobOperations;
import io.taskqueue.job.boundary.JobRules;
import io.taskqueue.job.boundary.JobService;
import io.taskqueue.job.control.JavaRequests;
import io.taskqueue.job.control.JobInfos;
import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.JobFilter;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.JobSummary;
import io.taskqueue.job.entity.NewJob;
import io.taskqueue.outcome.boundary.JobCompletions;
import io.taskqueue.progress.boundary.JobTelemetry;
import io.taskqueue.workflow.boundary.Workflows;
import io.taskqueue.workflow.entity.InvalidWorkflowException;
import io.taskqueue.workflow.entity.WorkflowSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public Java API. Submissions go through the same rules and the same {@link JobService} as
 * REST ones, so they join the caller's JTA transaction (JobService's {@code @Transactional} is
 * REQUIRED) and reach Redis only after it commits. Jobs are recorded as submitted by {@value
 * #SUBMITTER}.
 */
@ApplicationScoped
public class TaskQueueService implements TaskQueue {

  static final String SUBMITTER = "app";
  static final int MAX_LOG_LINES = 1_000;

  @Inject JobRules rules;
  @Inject JobService jobs;
  @Inject JobOperations operations;
  @Inject Workflows workflows;
  @Inject JobTelemetry telemetry;
  @Inject JobCompletions completions;

  @Inject
  @ConfigProperty(name = "taskqueue.idempotency.window-ms", defaultValue = "86400000")
  long idempotencyWindowMillis;

  @Override
  public UUID submit(String type, Object payload) {
    return submit(JobRequest.of(type, payload));
  }

  @Override
  public UUID submit(JobRequest request) {
    NewJob job = rules.check(JavaRequests.draft(request)).submittedBy(SUBMITTER);
    String key = rules.checkIdempotencyKey(request.idempotencyKey());
    return jobs.submit(job, key, Duration.ofMillis(idempotencyWindowMillis)).job().getId();
  }

  /**
   * In one transaction (the caller's, or one of its own): the jobs with keys are stored one at a
   * time, each claiming its key, so a key's conflict rolls back the jobs stored before it. A batch
   * the rules refuse stores nothing and leaves the caller's transaction as it was, as {@link
   * #submit(JobRequest)} does.
   */
  @Override
  @Transactional(dontRollbackOn = InvalidJobException.class)
  public List<UUID> submitAll(List<JobRequest> requests) {
    List<NewJob> checked =
        rules
            .checkBatch(
                requests == null ? null : requests.stream().map(JavaRequests::draft).toList())
            .stream()
            .map(job -> job.submittedBy(SUBMITTER))
            .toList();
    List<String> keys =
        requests.stream().map(r -> rules.checkIdempotencyKey(r.idempotencyKey())).toList();
    if (keys.stream().allMatch(Objects::isNull)) {
      return jobs.submit(checked).jobs().stream().map(Job::getId).toList();
    }
    Duration window = Duration.ofMillis(idempotencyWindowMillis);
    List<UUID> ids = new ArrayList<>(checked.size());
    for (int i = 0; i < checked.size(); i++) {
      ids.add(jobs.submit(checked.get(i), keys.get(i), window).job().getId());
    }
    return ids;
  }

  /** The workflow's jobs go through the same rules, and so the same handler defaults, as REST's. */
  @Override
  @Transactional
  public SubmittedWorkflow submitWorkflow(Workflow workflow) {
    WorkflowSubmitted stored;
    try {
      stored = workflows.submit(JavaWorkflows.request(workflow), SUBMITTER, true);
    } catch (InvalidWorkflowException e) {
      throw new InvalidJobException(Reason.INVALID, e.getMessage());
    }
    Map<String, UUID> ids = new LinkedHashMap<>();
    stored.jobs().forEach(job -> ids.put(job.getWorkflowKey(), job.getId()));
    return new SubmittedWorkflow(stored.workflowId(), ids);
  }

  @Override
  public Optional<JobInfo> get(UUID id) {
    return jobs.find(id).map(JobInfos::of);
  }

  @Override
  public JobPage list(JobQuery query) {
    if (query.limit() < 1 || query.limit() > JobQuery.MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + JobQuery.MAX_LIMIT + ", not " + query.limit());
    }
    List<JobSummary> page =
        jobs.list(
            new JobFilter(
                query.state() == null ? null : JobStatus.valueOf(query.state().name()),
                query.type(),
                query.priority() == null
                    ? null
                    : io.taskqueue.job.entity.Priority.valueOf(query.priority().name()),
                query.submittedBy(),
                query.limit(),
                query.before()));
    UUID next = page.size() < query.limit() ? null : page.get(page.size() - 1).id();
    return new JobPage(page.stream().map(JobInfos::of).toList(), next);
  }

  @Override
  public List<JobLogLine> logs(UUID id, int after, int limit) {
    if (after < 0 || limit < 1 || limit > MAX_LOG_LINES) {
      throw new IllegalArgumentException(
          "after must be at least 0 and limit between 1 and " + MAX_LOG_LINES);
    }
    return telemetry.lines(id, after, limit).stream()
        .map(l -> new JobLogLine(l.seq(), l.attempt(), l.at(), l.level(), l.message()))
        .toList();
  }

  @Override
  public Optional<JobProgress> progress(UUID id) {
    return jobs.find(id)
        .filter(job -> job.getProgressPercent() != null)
        .map(
            job ->
                new JobProgress(
                    job.getProgressPercent(),
                    job.getProgressMessage(),
                    job.getProgressAt() == null ? null : job.getProgressAt().toInstant()));
  }

  @Override
  public CancelResult cancel(UUID id) {
    return CancelResult.valueOf(operations.cancel(id).name());
  }

  @Override
  @Transactional
  public RetryResult retry(UUID id) {
    return operations
        .retry(id)
        .map(queued -> queued ? RetryResult.RETRIED : RetryResult.NOT_RETRYABLE)
        .orElse(RetryResult.NOT_FOUND);
  }

  @Override
  public CompletionStage<JobInfo> completion(UUID id) {
    return completions.completion(id);
  }
}
