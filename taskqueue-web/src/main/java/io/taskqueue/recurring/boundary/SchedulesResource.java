package io.taskqueue.recurring.boundary;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.api.control.ServedUnderApiOnly;
import io.taskqueue.job.boundary.JobService;
import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.JobView;
import io.taskqueue.json.boundary.JsonText;
import io.taskqueue.recurring.entity.JobTemplateView;
import io.taskqueue.recurring.entity.Schedule;
import io.taskqueue.recurring.entity.SchedulePage;
import io.taskqueue.recurring.entity.SchedulePreview;
import io.taskqueue.recurring.entity.ScheduleRequest;
import io.taskqueue.recurring.entity.ScheduleTiming;
import io.taskqueue.recurring.entity.ScheduleView;
import io.taskqueue.security.control.ActionAudit;
import io.taskqueue.security.control.AlsoRequiresRoles;
import io.taskqueue.security.control.CurrentCaller;
import io.taskqueue.security.control.SecretFields;
import io.taskqueue.security.control.SubmitRateLimited;
import io.taskqueue.security.control.TypeAccess;
import io.taskqueue.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/schedules}: recurring jobs. Viewers read them; operators create, change, pause,
 * resume, delete and run them, each change in the audit log with the change's own transaction.
 */
@ServedUnderApiOnly
@Path("schedules")
@RolesAllowed(Role.VIEWER_NAME)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Schedules", description = "Recurring jobs on cron schedules")
public class SchedulesResource {

  static final int UPCOMING = 5;
  static final int MAX_PREVIEW = 50;
  static final int DEFAULT_PAGE = 100;
  static final int MAX_PAGE = 500;
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss zzz", Locale.ENGLISH);

  @Inject Schedules schedules;
  @Inject JobService jobs;
  @Inject ActionAudit audit;
  @Inject CurrentCaller caller;
  @Inject SecretFields secrets;
  @Inject TypeAccess typeAccess;
  @Context UriInfo uri;

  /** 201 with the schedule; 409 when the name is taken. */
  @POST
  @RolesAllowed(Role.OPERATOR_NAME)
  @AlsoRequiresRoles(Role.SUBMITTER_NAME)
  @Transactional
  @Operation(operationId = "createSchedule", summary = "Create a schedule")
  @RequestBody(
      required = true,
      description = "The schedule",
      content = @Content(mediaType = "application/json", schema = @Schema(ref = "ScheduleRequest")))
  @APIResponse(
      responseCode = "201",
      description = "The schedule",
      content = @Content(mediaType = "application/json", schema = @Schema(ref = "ScheduleView")))
  public Response create(ScheduleRequest request) {
    permitted(request);
    Schedule created =
        schedules
            .create(request, caller.get().id())
            .orElseThrow(
                () ->
                    new ProblemException(
                        Status.CONFLICT,
                        "schedule-exists",
                        "Schedule exists",
                        "A schedule named '" + request.name() + "' exists; change it with PUT."));
    audit.record(
        "schedule.create", created.name(), null, created.cron() + " " + created.timeZone());
    return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build())
        .entity(view(created))
        .build();
  }

  @GET
  @Operation(operationId = "listSchedules", summary = "List schedules by name")
  public SchedulePage list(@QueryParam("after") String after, @QueryParam("limit") Integer limit) {
    int size = limit == null ? DEFAULT_PAGE : limit;
    if (size < 1 || size > MAX_PAGE) {
      throw ProblemException.badRequest(
          "invalid-query", "Invalid query", "limit must be between 1 and " + MAX_PAGE + ".");
    }
    List<ScheduleView> page = schedules.list(after, size).stream().map(this::view).toList();
    return new SchedulePage(page, page.size() == size ? page.get(size - 1).name() : null);
  }

  /** What a cron expression means in a time zone, before it is stored. */
  @GET
  @Path("preview")
  @Operation(operationId = "previewSchedule", summary = "Show when a cron expression fires")
  public SchedulePreview preview(
      @QueryParam("cron") String cron,
      @QueryParam("timeZone") String timeZone,
      @QueryParam("count") Integer count) {
    int n = count == null ? UPCOMING : count;
    if (n < 1 || n > MAX_PREVIEW) {
      throw ProblemException.badRequest(
          "invalid-query", "Invalid query", "count must be between 1 and " + MAX_PREVIEW + ".");
    }
    ScheduleTiming timing =
        schedules.timing(cron, timeZone == null ? "UTC" : timeZone, Instant.now(), n);
    return new SchedulePreview(
        timing.description(),
        timing.next().stream().map(t -> t.atOffset(ZoneOffset.UTC)).toList(),
        timing.next().stream().map(t -> LOCAL.format(t.atZone(timing.zone()))).toList());
  }

  @GET
  @Path("{name}")
  @Operation(operationId = "getSchedule", summary = "Read a schedule")
  public ScheduleView get(@PathParam("name") String name) {
    return view(schedules.find(name).orElseThrow(() -> notFound(name)));
  }

  /** Replaces the definition; the next fire time moves only when cron or time zone changed. */
  @PUT
  @Path("{name}")
  @RolesAllowed(Role.OPERATOR_NAME)
  @AlsoRequiresRoles(Role.SUBMITTER_NAME)
  @Transactional
  @Operation(operationId = "updateSchedule", summary = "Change a schedule")
  @RequestBody(
      required = true,
      description = "The schedule",
      content = @Content(mediaType = "application/json", schema = @Schema(ref = "ScheduleRequest")))
  public ScheduleView update(@PathParam("name") String name, ScheduleRequest request) {
    permitted(request);
    if (request != null && request.job() != null && secrets.holdsMarker(request.job().payload())) {
      throw ProblemException.badRequest(
          "redacted-value",
          "Payload holds a hidden value",
          "The job's payload still holds \""
              + SecretFields.MARKER
              + "\" where a secret belongs, as this schedule was shown to you: give the secret"
              + " itself, or leave the schedule to its creator or an admin.");
    }
    Schedule changed = schedules.update(name, request).orElseThrow(() -> notFound(name));
    audit.record("schedule.update", name, null, changed.cron() + " " + changed.timeZone());
    return view(changed);
  }

  @POST
  @Path("{name}/pause")
  @RolesAllowed(Role.OPERATOR_NAME)
  @Transactional
  @Operation(operationId = "pauseSchedule", summary = "Pause a schedule")
  public ScheduleView pause(@PathParam("name") String name) {
    Schedule s = schedules.setPaused(name, true).orElseThrow(() -> notFound(name));
    audit.record("schedule.pause", name, null, "paused");
    return view(s);
  }

  /** Fires from now on; fire times that passed while it was paused are not made up. */
  @POST
  @Path("{name}/resume")
  @RolesAllowed(Role.OPERATOR_NAME)
  @Transactional
  @Operation(operationId = "resumeSchedule", summary = "Resume a schedule")
  public ScheduleView resume(@PathParam("name") String name) {
    Schedule s = schedules.setPaused(name, false).orElseThrow(() -> notFound(name));
    audit.record("schedule.resume", name, null, "resumed");
    return view(s);
  }

  /** 204; the jobs it submitted stay, still linked to its name. */
  @DELETE
  @Path("{name}")
  @RolesAllowed(Role.OPERATOR_NAME)
  @Transactional
  @Operation(operationId = "deleteSchedule", summary = "Delete a schedule")
  @APIResponse(responseCode = "204", description = "Deleted; the jobs it submitted stay")
  public Response delete(@PathParam("name") String name) {
    if (!schedules.delete(name)) {
      throw notFound(name);
    }
    audit.record("schedule.delete", name, null, "deleted");
    return Response.noContent().build();
  }

  /** 201 with the job, submitted now whatever the schedule's timing, pause or overlap policy. */
  @POST
  @Path("{name}/run")
  @RolesAllowed(Role.OPERATOR_NAME)
  @AlsoRequiresRoles(Role.SUBMITTER_NAME)
  @SubmitRateLimited
  @Transactional
  @Operation(operationId = "runSchedule", summary = "Submit a schedule's job now")
  @APIResponse(
      responseCode = "201",
      description = "The submitted job",
      content = @Content(mediaType = "application/json", schema = @Schema(ref = "JobView")))
  public Response runNow(@PathParam("name") String name) {
    Schedule schedule = schedules.find(name).orElseThrow(() -> notFound(name));
    typeAccess.check(caller.get(), schedule.job().type());
    Job job = schedules.runNow(name).orElseThrow(() -> notFound(name));
    audit.record("schedule.run", name, 1, job.getId().toString());
    return Response.created(
            uri.getBaseUriBuilder().path("jobs").path(job.getId().toString()).build())
        .entity(
            secrets.visibleTo(caller.get(), schedule.createdBy())
                ? JobView.of(job)
                : JobView.of(job).hiding(secrets::hide))
        .build();
  }

  /** An operator limited to some job types may schedule only those. */
  private void permitted(ScheduleRequest request) {
    if (request != null && request.job() != null && request.job().type() != null) {
      typeAccess.check(caller.get(), request.job().type());
    }
  }

  private ScheduleView view(Schedule s) {
    boolean fires = !s.paused() && s.nextFireAt() != null;
    ScheduleTiming timing =
        schedules.timing(
            s.cron(), s.timeZone(), fires ? s.nextFireAt() : Instant.now(), fires ? UPCOMING : 0);
    List<OffsetDateTime> upcoming =
        timing.next().stream().map(t -> t.atOffset(ZoneOffset.UTC)).toList();
    ScheduleView.LastRun lastRun =
        s.lastJobId() == null
            ? null
            : jobs.find(s.lastJobId())
                .map(
                    job ->
                        new ScheduleView.LastRun(
                            job.getId().toString(), job.getFireTime(), job.getStatus().wireName()))
                .orElse(new ScheduleView.LastRun(s.lastJobId().toString(), null, "deleted"));
    return new ScheduleView(
        s.name(),
        s.cron(),
        s.timeZone(),
        timing.description(),
        new JobTemplateView(
            s.job().type(),
            secrets.visibleTo(caller.get(), s.createdBy())
                ? JsonText.readValue(s.job().payload())
                : secrets.hide(JsonText.readValue(s.job().payload())),
            s.job().priority().wireName(),
            s.job().maxAttempts(),
            s.job().retryPolicy(),
            s.job().timeoutMs()),
        s.overlap().wireName(),
        s.misfire().wireName(),
        s.misfireLimit(),
        s.paused(),
        upcoming,
        utc(s.lastFireAt()),
        lastRun,
        utc(s.lastSkipAt()),
        s.lastSkipReason(),
        s.createdBy(),
        utc(s.createdAt()),
        utc(s.updatedAt()),
        s.declaredBy(),
        utc(s.retiredAt()));
  }

  private static OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  private static ProblemException notFound(String name) {
    return new ProblemException(
        Status.NOT_FOUND,
        "schedule-not-found",
        "Schedule not found",
        "No schedule is named '" + name + "'.");
  }
}
