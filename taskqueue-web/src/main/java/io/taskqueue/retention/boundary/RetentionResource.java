package io.taskqueue.retention.boundary;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.api.control.ServedUnderApiOnly;
import io.taskqueue.retention.entity.RetentionChange;
import io.taskqueue.retention.entity.RetentionPacing;
import io.taskqueue.retention.entity.RetentionRun;
import io.taskqueue.retention.entity.RetentionSettings;
import io.taskqueue.retention.entity.RetentionView;
import io.taskqueue.security.control.ActionAudit;
import io.taskqueue.security.control.CurrentCaller;
import io.taskqueue.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/retention}: how long finished jobs, audit entries and period statistics are kept, and
 * what the last round removed (viewers); changing the ages at run time (admins, audited).
 */
@ServedUnderApiOnly
@Path("retention")
@ApplicationScoped
@RolesAllowed(Role.VIEWER_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Retention", description = "How long finished jobs and audit entries are kept")
public class RetentionResource {

  @Inject Retention retention;
  @Inject CurrentCaller caller;
  @Inject ActionAudit audit;

  @GET
  @Operation(
      operationId = "getRetention",
      summary = "Read the retention ages and the last cleanup round")
  public RetentionView get() {
    return view(retention.settings());
  }

  /**
   * Sets the named ages, in days ({@code {"completedDays": 3, "auditDays": null}}): 0 keeps for
   * ever, null goes back to the configured value, an age not named stays as it is.
   */
  @PUT
  @RolesAllowed(Role.ADMIN_NAME)
  @Consumes(MediaType.APPLICATION_JSON)
  @Transactional
  @Operation(operationId = "changeRetention", summary = "Change retention ages")
  @RequestBody(
      required = true,
      description =
          "The ages to change, in days: 0 keeps for ever, null goes back to the configured value, an age not named stays",
      content = @Content(mediaType = "application/json", schema = @Schema(ref = "RetentionChange")))
  public RetentionView change(String body) {
    RetentionChange change = parse(body);
    RetentionSettings settings = retention.change(change, caller.get().name());
    audit.record(
        "retention.change",
        "retention",
        null,
        change.days().entrySet().stream()
            .map(age -> age.getKey() + "=" + age.getValue())
            .collect(Collectors.joining(", ")));
    return view(settings);
  }

  private RetentionView view(RetentionSettings settings) {
    RetentionPacing pacing = retention.pacing();
    RetentionRun last = retention.lastRun().orElse(null);
    Instant nextRunBy =
        last == null
            ? null
            : last.startedAt().plus(retention.interval()).plusMillis(last.durationMs());
    return new RetentionView(
        settings.ages().completedDays(),
        settings.ages().deadDays(),
        settings.ages().cancelledDays(),
        settings.ages().auditDays(),
        settings.configured(),
        settings.changedBy(),
        settings.changedAt(),
        pacing.batch(),
        pacing.maxRun().toMillis(),
        pacing.dbShare(),
        retention.interval().toMillis(),
        last,
        nextRunBy);
  }

  private static RetentionChange parse(String body) {
    JsonObject json;
    try (var reader = Json.createReader(new StringReader(body == null ? "" : body))) {
      json = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw invalid(
          "the body must be a JSON object of ages in days, such as {\"completedDays\": 3}");
    }
    Map<String, Integer> days = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> age : json.entrySet()) {
      JsonValue value = age.getValue();
      if (value.getValueType() == JsonValue.ValueType.NULL) {
        days.put(age.getKey(), null);
      } else if (value instanceof JsonNumber n
          && n.isIntegral()
          && n.bigIntegerValue().bitLength() < Integer.SIZE) {
        days.put(age.getKey(), n.intValue());
      } else {
        throw invalid(
            age.getKey() + " must be a whole number of days (0 to 36500) or null, not " + value);
      }
    }
    try {
      return new RetentionChange(days);
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  private static ProblemException invalid(String detail) {
    return ProblemException.badRequest("invalid-retention", "Invalid retention settings", detail);
  }
}
