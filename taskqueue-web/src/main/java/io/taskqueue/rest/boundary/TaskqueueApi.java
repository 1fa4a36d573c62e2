package io.taskqueue.rest.boundary;

import io.taskqueue.api.boundary.JsonbSettings;
import io.taskqueue.api.control.FailedCommitMapper;
import io.taskqueue.api.control.HttpErrorMapper;
import io.taskqueue.api.control.JsonbFailureMapper;
import io.taskqueue.api.control.MalformedJsonMapper;
import io.taskqueue.api.control.ProblemExceptionMapper;
import io.taskqueue.api.control.RequestBodyLimits;
import io.taskqueue.api.control.UnexpectedErrorMapper;
import io.taskqueue.job.boundary.DeadLettersResource;
import io.taskqueue.job.boundary.JobsResource;
import io.taskqueue.job.control.IdempotencyKeyReusedMapper;
import io.taskqueue.job.control.InvalidJobMapper;
import io.taskqueue.queue.boundary.QueuesResource;
import io.taskqueue.recurring.boundary.SchedulesResource;
import io.taskqueue.recurring.control.InvalidScheduleMapper;
import io.taskqueue.retention.boundary.RetentionResource;
import io.taskqueue.security.boundary.AuditResource;
import io.taskqueue.security.boundary.KeysResource;
import io.taskqueue.security.boundary.MeResource;
import io.taskqueue.security.control.RoleCheck;
import io.taskqueue.security.control.SubmitRateGate;
import io.taskqueue.stats.boundary.StatsResource;
import io.taskqueue.worker.boundary.WorkersResource;
import io.taskqueue.workflow.boundary.WorkflowsResource;
import io.taskqueue.workflow.control.InvalidWorkflowMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The REST API, under {@code /api}, with its resources and providers named here rather than found
 * by scanning. taskqueue may be laid over an application's WAR: its mappers, role check and JSON
 * settings then serve taskqueue's API only, never the application's own JAX-RS application, and the
 * application's providers stay out of taskqueue's. (None of these classes is a {@code @Provider},
 * which would put it into every scanning application of the WAR.)
 */
@ApplicationPath("api")
public class TaskqueueApi extends Application {

  static final Set<Class<?>> RESOURCES =
      Set.of(
          AuditResource.class,
          DeadLettersResource.class,
          JobsResource.class,
          KeysResource.class,
          MeResource.class,
          QueuesResource.class,
          RetentionResource.class,
          SchedulesResource.class,
          StatsResource.class,
          WorkersResource.class,
          WorkflowsResource.class);

  static final Set<Class<?>> PROVIDERS =
      Set.of(
          FailedCommitMapper.class,
          HttpErrorMapper.class,
          IdempotencyKeyReusedMapper.class,
          InvalidJobMapper.class,
          InvalidScheduleMapper.class,
          InvalidWorkflowMapper.class,
          JsonbFailureMapper.class,
          JsonbSettings.class,
          MalformedJsonMapper.class,
          ProblemExceptionMapper.class,
          RequestBodyLimits.class,
          RoleCheck.class,
          SubmitRateGate.class,
          UnexpectedErrorMapper.class);

  @Override
  public Set<Class<?>> getClasses() {
    Set<Class<?>> classes = new java.util.HashSet<>(RESOURCES);
    classes.addAll(PROVIDERS);
    return classes;
  }
}
