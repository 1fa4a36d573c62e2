package io.taskqueue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Jobs that depend on each other, submitted together with {@link
 * TaskQueue#submitWorkflow(Workflow)}: a job runs once all its parents have completed. Each job has
 * a key, its name in this workflow, by which later jobs name it as a parent; a parent may also be a
 * job stored earlier, named by its id. The same rules as {@code POST /api/workflows} check it (no
 * cycles, known parents, at most 10,000 jobs by default), and nothing is stored when they refuse
 * it.
 *
 * <pre>{@code
 * Workflow report =
 *     Workflow.of()
 *         .job("extract", JobRequest.of("report.extract", query))
 *         .job("render", JobRequest.of("report.render", layout), "extract")
 *         .job("mail", JobRequest.of("email", to), "render")
 *         .job("cleanup", JobRequest.of("report.cleanup", null), OnParentFailure.RUN_ANYWAY, "render");
 * }</pre>
 *
 * <p>A job of a workflow takes no idempotency key and, when it has parents, no run time.
 */
public final class Workflow {

  /**
   * One job of a workflow.
   *
   * @param key its name in this workflow
   * @param job the job, as for {@link TaskQueue#submit(JobRequest)}
   * @param parents keys of earlier jobs of this workflow, or ids of jobs stored before
   * @param onParentFailure what it does when a parent fails
   */
  public record Step(
      String key, JobRequest job, List<String> parents, OnParentFailure onParentFailure) {}

  private final List<Step> steps;

  private Workflow(List<Step> steps) {
    this.steps = Collections.unmodifiableList(steps);
  }

  /**
   * A workflow with no jobs yet.
   *
   * @return an empty workflow
   */
  public static Workflow of() {
    return new Workflow(List.of());
  }

  /**
   * This workflow with one more job, cancelled when a parent fails.
   *
   * @param key its name in this workflow: 1 to 100 characters, unique in it
   * @param job the job
   * @param parents keys of jobs added before, or ids of jobs stored earlier; none for a first job
   * @return a copy with the job added
   */
  public Workflow job(String key, JobRequest job, String... parents) {
    return job(key, job, OnParentFailure.CANCEL, parents);
  }

  /**
   * This workflow with one more job.
   *
   * @param key its name in this workflow: 1 to 100 characters, unique in it
   * @param job the job
   * @param onParentFailure what it does when a parent fails
   * @param parents keys of jobs added before, or ids of jobs stored earlier
   * @return a copy with the job added
   */
  public Workflow job(
      String key, JobRequest job, OnParentFailure onParentFailure, String... parents) {
    List<Step> more = new ArrayList<>(steps);
    more.add(new Step(key, job, List.of(parents), onParentFailure));
    return new Workflow(more);
  }

  /**
   * The jobs, in the order they were added.
   *
   * @return the jobs
   */
  public List<Step> steps() {
    return steps;
  }
}
