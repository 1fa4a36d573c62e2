package io.taskqueue.outcome.boundary;

import io.taskqueue.JobInfo;
import io.taskqueue.configuration.control.TaskqueueDatabase;
import io.taskqueue.job.boundary.JobService;
import io.taskqueue.job.control.JobInfos;
import io.taskqueue.outcome.control.OutcomeSql;
import io.taskqueue.store.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link CompletionStage} of jobs that callers on this node wait for. A background duty asks
 * PostgreSQL a few times a second which of them finished (one query for all): what a job's outcome
 * is, the database says, so a stage completes however and wherever the job ended. Stages complete
 * on a container thread, never on the duty's, so that what a caller chains to them cannot hold the
 * duty up.
 */
@ApplicationScoped
@Transactional(TxType.NOT_SUPPORTED)
public class JobCompletions {

  @Inject @TaskqueueDatabase DataSource dataSource;
  @Inject JobService jobs;

  @Resource ManagedExecutorService executor;

  @Inject
  @ConfigProperty(name = "taskqueue.completions.max-waiting", defaultValue = "10000")
  int maxWaiting;

  private final Map<UUID, CompletableFuture<JobInfo>> waiting = new ConcurrentHashMap<>();

  /**
   * Completes with the job once it has finished: completed, dead or cancelled. Fails with {@link
   * NoSuchElementException} when there is no such job (or it is removed while waited for), and with
   * {@link IllegalStateException} when this node already waits for {@code max-waiting} jobs.
   */
  public CompletionStage<JobInfo> completion(UUID id) {
    Optional<JobInfo> now = jobs.find(id).map(JobInfos::of);
    if (now.isEmpty()) {
      return CompletableFuture.failedStage(new NoSuchElementException("no job " + id));
    }
    if (now.get().state().isFinal()) {
      return CompletableFuture.completedStage(now.get());
    }
    if (waiting.size() >= maxWaiting && !waiting.containsKey(id)) {
      return CompletableFuture.failedStage(
          new IllegalStateException(
              "this node already waits for "
                  + maxWaiting
                  + " jobs (taskqueue.completions.max-waiting)"));
    }
    return waiting.computeIfAbsent(id, k -> new CompletableFuture<>()).minimalCompletionStage();
  }

  /** Completes the stages of the jobs that finished or are gone since the last look. */
  public void completeFinished() {
    if (waiting.isEmpty()) {
      return;
    }
    List<UUID> ids = List.copyOf(waiting.keySet());
    OutcomeSql.Finished found =
        Jdbc.on(dataSource, "read finished jobs", c -> OutcomeSql.finished(c, ids));
    for (UUID id : found.finished()) {
      Optional<JobInfo> info = jobs.find(id).map(JobInfos::of);
      CompletableFuture<JobInfo> stage = waiting.remove(id);
      if (stage != null) {
        executor.execute(
            () ->
                info.ifPresentOrElse(
                    stage::complete,
                    () -> stage.completeExceptionally(new NoSuchElementException("no job " + id))));
      }
    }
    for (UUID id : found.gone()) {
      CompletableFuture<JobInfo> stage = waiting.remove(id);
      if (stage != null) {
        executor.execute(
            () ->
                stage.completeExceptionally(
                    new NoSuchElementException("job " + id + " was removed while waited for")));
      }
    }
  }

  /** How many jobs this node's callers wait for. */
  public int waiting() {
    return waiting.size();
  }
}
