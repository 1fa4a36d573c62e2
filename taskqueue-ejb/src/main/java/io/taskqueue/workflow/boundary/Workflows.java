package io.taskqueue.workflow.boundary;

import io.taskqueue.JobInfo;
import io.taskqueue.configuration.control.TaskqueueDatabase;
import io.taskqueue.job.boundary.JobOperations;
import io.taskqueue.job.boundary.JobRules;
import io.taskqueue.job.boundary.JobService;
import io.taskqueue.job.control.JobIds;
import io.taskqueue.job.control.JobInfos;
import io.taskqueue.job.control.JobInserts;
import io.taskqueue.job.control.NewJobs;
import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.NewJob;
import io.taskqueue.store.control.Jdbc;
import io.taskqueue.workflow.control.DependencySql;
import io.taskqueue.workflow.control.DependencySql.StoredParent;
import io.taskqueue.workflow.control.WorkflowGraph;
import io.taskqueue.workflow.control.WorkflowSql;
import io.taskqueue.workflow.entity.InvalidWorkflowException;
import io.taskqueue.workflow.entity.ParentsTooLargeException;
import io.taskqueue.workflow.entity.Relative;
import io.taskqueue.workflow.entity.WorkflowJobRequest;
import io.taskqueue.workflow.entity.WorkflowPage;
import io.taskqueue.workflow.entity.WorkflowRequest;
import io.taskqueue.workflow.entity.WorkflowSubmitted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Workflows: a set of jobs submitted together whose jobs name their parents. Everything is checked
 * (each job by the submission rules, the graph for unknown parents and cycles) before anything is
 * stored; then all jobs and their dependencies are stored in one transaction, the jobs without
 * parents reach Redis after it commits, and the others wait for {@link DependencyReleases}.
 */
@ApplicationScoped
@Transactional
public class Workflows {

  static final int CANCEL_CHUNK = 200;

  @Inject @TaskqueueDatabase DataSource dataSource;

  @PersistenceContext(unitName = "taskqueue")
  EntityManager em;

  @Inject JobRules rules;
  @Inject JobInserts inserts;
  @Inject JobService jobs;
  @Inject JobOperations operations;

  @Inject
  @ConfigProperty(name = "taskqueue.workflows.max-jobs", defaultValue = "10000")
  int maxJobs;

  @Inject
  @ConfigProperty(name = "taskqueue.workflows.max-parents", defaultValue = "1000")
  int maxParents;

  @Inject
  @ConfigProperty(name = "taskqueue.workflows.max-dependencies", defaultValue = "100000")
  int maxDependencies;

  @Inject
  @ConfigProperty(name = "taskqueue.workflows.max-parents-bytes", defaultValue = "67108864")
  long maxParentsBytes;

  /**
   * Stores the workflow for {@code submitter}; a caller that does not read all jobs ({@code
   * readsAll} false) may name as parents only stored jobs it submitted itself.
   */
  public WorkflowSubmitted submit(WorkflowRequest request, String submitter, boolean readsAll) {
    List<WorkflowJobRequest> requested = request == null ? null : request.jobs();
    if (requested == null || requested.isEmpty() || requested.contains(null)) {
      throw new InvalidWorkflowException(
          "invalid-workflow", "a workflow needs \"jobs\": a list of one or more jobs");
    }
    if (requested.size() > maxJobs) {
      throw new InvalidWorkflowException(
          "workflow-too-large", 413, "a workflow holds at most " + maxJobs + " jobs");
    }
    long dependencies = requested.stream().mapToLong(j -> j.parentsOrNone().size()).sum();
    if (dependencies > maxDependencies) {
      throw new InvalidWorkflowException(
          "workflow-too-large",
          413,
          "a workflow names at most " + maxDependencies + " parents in all, not " + dependencies);
    }
    List<NewJob> checked = new ArrayList<>(requested.size());
    List<Boolean> runAnyway = new ArrayList<>(requested.size());
    for (WorkflowJobRequest job : requested) {
      checked.add(rules.check(job.job()).submittedBy(submitter));
      runAnyway.add(policy(job));
      if (!job.parentsOrNone().isEmpty() && (job.runAt() != null || job.delayMs() != null)) {
        throw new InvalidWorkflowException(
            "invalid-workflow",
            "job '"
                + job.key()
                + "' has parents: it runs when they complete, not at runAt/delayMs");
      }
    }
    WorkflowGraph graph =
        WorkflowGraph.of(
            requested.stream().map(WorkflowJobRequest::key).toList(),
            requested.stream().map(WorkflowJobRequest::parentsOrNone).toList(),
            maxParents);
    try (Connection c = dataSource.getConnection()) {
      return store(c, graph, requested, checked, runAnyway, submitter, readsAll);
    } catch (SQLException e) {
      throw new IllegalStateException("could not store the workflow: " + e.getMessage(), e);
    }
  }

  private WorkflowSubmitted store(
      Connection c,
      WorkflowGraph graph,
      List<WorkflowJobRequest> requested,
      List<NewJob> checked,
      List<Boolean> runAnyway,
      String submitter,
      boolean readsAll)
      throws SQLException {
    Set<UUID> named = new LinkedHashSet<>();
    for (int i = 0; i < graph.size(); i++) {
      named.addAll(graph.parentsStored(i));
    }
    Map<UUID, StoredParent> stored = DependencySql.lockParents(c, named);
    for (UUID id : named) {
      StoredParent parent = stored.get(id);
      if (parent == null || !(readsAll || submitter.equals(parent.submittedBy()))) {
        throw new InvalidWorkflowException(
            "unknown-parent", "parent " + id + " is not a job of this workflow or a stored job");
      }
    }
    UUID workflowId = JobIds.next();
    List<Job> created = new ArrayList<>(graph.size());
    for (int i = 0; i < graph.size(); i++) {
      created.add(NewJobs.toJob(JobIds.next(), checked.get(i)));
    }
    List<UUID> children = new ArrayList<>();
    List<UUID> parents = new ArrayList<>();
    List<String> outcomes = new ArrayList<>();
    Set<UUID> unfinishedStored = new HashSet<>();
    for (int i = 0; i < graph.size(); i++) {
      int waiting = graph.parentsInside(i).size();
      for (int parent : graph.parentsInside(i)) {
        children.add(created.get(i).getId());
        parents.add(created.get(parent).getId());
        outcomes.add(null);
      }
      for (UUID id : graph.parentsStored(i)) {
        JobStatus status = stored.get(id).status();
        boolean ended = status.isFinished();
        if (ended && status != JobStatus.COMPLETED && !runAnyway.get(i)) {
          throw new InvalidWorkflowException(
              "parent-failed",
              409,
              "parent "
                  + id
                  + " ended "
                  + status.wireName()
                  + "; job '"
                  + requested.get(i).key()
                  + "' would be cancelled at once (use onParentFailure run-anyway to run it)");
        }
        children.add(created.get(i).getId());
        parents.add(id);
        outcomes.add(ended ? status.name() : null);
        if (!ended) {
          waiting++;
          unfinishedStored.add(id);
        }
      }
      created
          .get(i)
          .inWorkflow(
              workflowId, requested.get(i).key(), waiting, runAnyway.get(i), graph.hasChildren(i));
    }
    inserts.insert(created);
    DependencySql.insert(c, children, parents, outcomes);
    DependencySql.markParents(c, unfinishedStored);
    return new WorkflowSubmitted(workflowId, created, jobs.announce(created));
  }

  private static boolean policy(WorkflowJobRequest job) {
    String policy = job.onParentFailure();
    if (policy == null || policy.equals("cancel")) {
      return false;
    }
    if (policy.equals("run-anyway")) {
      return true;
    }
    throw new InvalidWorkflowException(
        "invalid-workflow",
        "onParentFailure must be 'cancel' or 'run-anyway', not '" + policy + "'");
  }

  /**
   * Up to {@code limit} of the workflow's jobs after {@code after} (null: from the first), without
   * payloads or results, and the status counts of all its jobs; empty when there is no such
   * workflow.
   */
  public Optional<WorkflowPage> page(UUID workflowId, UUID after, int limit) {
    return sql(c -> WorkflowSql.page(c, workflowId, after, limit));
  }

  public List<Relative> parents(UUID job) {
    return sql(c -> DependencySql.parents(c, job));
  }

  /**
   * The job's parents as the public API shows jobs, results included, oldest first; their size is
   * measured in the database first, and {@link ParentsTooLargeException} refuses parents that
   * together hold more than {@code taskqueue.workflows.max-parents-bytes} of JSON.
   */
  public List<JobInfo> parentJobs(UUID job) {
    List<UUID> ids = parents(job).stream().map(Relative::id).toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    long bytes = sql(c -> DependencySql.jsonBytes(c, ids));
    if (bytes > maxParentsBytes) {
      throw new ParentsTooLargeException(
          "the job's "
              + ids.size()
              + " parents hold "
              + bytes
              + " bytes of payload and result, more than taskqueue.workflows.max-parents-bytes ("
              + maxParentsBytes
              + ")");
    }
    return em
        .createQuery("SELECT j FROM Job j WHERE j.id IN :ids ORDER BY j.id", Job.class)
        .setParameter("ids", ids)
        .getResultList()
        .stream()
        .map(JobInfos::of)
        .toList();
  }

  public List<Relative> children(UUID job) {
    return sql(c -> DependencySql.children(c, job));
  }

  /**
   * Cancels every unfinished job of the workflow, running ones included (they are told to stop);
   * empty when there is no such workflow, else how many it cancelled. In transactions of {@value
   * #CANCEL_CHUNK} jobs each: one transaction over a 10,000-job workflow would hold 10,000 row
   * locks and could fail on the lock timeout under load. A chunk that fails leaves the earlier ones
   * cancelled; calling again cancels the rest.
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public Optional<Integer> cancel(UUID workflowId) {
    Optional<List<UUID>> found = sql(c -> WorkflowSql.unfinished(c, workflowId));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    List<UUID> unfinished = found.get();
    int cancelled = 0;
    for (int from = 0; from < unfinished.size(); from += CANCEL_CHUNK) {
      cancelled +=
          operations.cancelEach(
              unfinished.subList(from, Math.min(unfinished.size(), from + CANCEL_CHUNK)));
    }
    return Optional.of(cancelled);
  }

  private <T> T sql(Jdbc.Work<T> work) {
    return Jdbc.on(dataSource, "read dependencies", work);
  }
}
