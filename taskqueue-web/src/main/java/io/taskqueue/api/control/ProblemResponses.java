package io.taskqueue.api.control;

import io.taskqueue.api.entity.Problem;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the generated API description: the {@code Problem} schema, and on every operation the
 * 4xx problem responses it can give (400 for bad input on anything that takes input, 401 and 403
 * everywhere, 404 where a path names something, 409 where the current state may forbid the action,
 * 413, 415 and 429 on submissions; 503 everywhere, for a backing store that is briefly
 * unreachable), the two bearer schemes (API key or JWT), and a success status instead of {@code
 * default}. One place rather than an annotation per method per status, which would drift from the
 * mappers. Operation ids, summaries and non-200 successes are annotations on the resources.
 */
public class ProblemResponses implements OASFilter {

  private static final String PROBLEM_REF = "#/components/schemas/Problem";
  private static final String API_KEY = "apiKey";
  private static final String JWT = "jwt";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    openAPI.getComponents().addSchema("Problem", problemSchema());
    openAPI
        .getComponents()
        .addSecurityScheme(
            API_KEY,
            OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("tq_…")
                .description("An API key made with POST /api/keys, sent as a bearer token"));
    openAPI
        .getComponents()
        .addSecurityScheme(
            JWT,
            OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description("A JWT from the configured identity provider (MicroProfile JWT)"));
    // Either one: alternatives are separate requirements.
    openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(API_KEY));
    openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(JWT));
    dropServerExtensions(openAPI);
    openAPI.info(
        OASFactory.createInfo()
            .title("taskqueue")
            .version("1")
            .description(
                "Durable background jobs: submit, watch, cancel and retry. Errors are RFC 9457"
                    + " problem documents (application/problem+json)."));
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .forEach((method, operation) -> addProblems(path, method.name(), operation)));
  }

  private static void addProblems(String path, String method, Operation operation) {
    boolean post = method.equals("POST");
    boolean submits =
        post && (path.equals("/api/jobs") || path.equals("/api/workflows"))
            || path.equals("/api/jobs/batch");
    boolean conflicts =
        path.endsWith("/cancel")
            || path.endsWith("{id}/retry")
            || post && (path.equals("/api/schedules") || path.equals("/api/keys"))
            || method.equals("PUT") && path.equals("/api/schedules/{name}");
    successIsNotDefault(operation);
    problem(operation, "400", "Bad input: malformed JSON, unknown field, invalid value");
    problem(operation, "401", "No credentials, or an unknown, revoked or expired key or token");
    problem(operation, "403", "The caller's roles do not allow this");
    if (path.contains("{")) {
      problem(operation, "404", "Nothing has this id or name, or not for this caller");
    }
    if (conflicts) {
      problem(operation, "409", "The current state does not allow this (the detail says why)");
    }
    if (submits) {
      problem(operation, "413", "Payload or body over its size limit");
      problem(operation, "415", "Not application/json");
    }
    if (submits || path.endsWith("/run")) {
      problem(operation, "429", "Over the caller's submit rate; see Retry-After");
    }
    problem(operation, "503", "PostgreSQL or Redis is unreachable for the moment; see Retry-After");
  }

  /**
   * An operation without a declared success response gets its return type as {@code default}; a
   * client generator reads that as "any other status", so it is named 200 here.
   */
  private static void successIsNotDefault(Operation operation) {
    if (operation.getResponses() == null
        || !operation.getResponses().hasAPIResponse("default")
        || operation.getResponses().getAPIResponses().keySet().stream()
            .anyMatch(status -> status.startsWith("2"))) {
      return;
    }
    APIResponse success = operation.getResponses().getDefaultValue();
    operation.getResponses().removeAPIResponse("default");
    operation.getResponses().addAPIResponse("200", success.description("OK"));
  }

  /**
   * Payara adds a top-level {@code endpoints} map that OpenAPI does not define (generators reject
   * the document for it); it is dropped through Payara's own model, when that is the model.
   */
  private static void dropServerExtensions(OpenAPI openAPI) {
    try {
      Object endpoints = openAPI.getClass().getMethod("getEndpoints").invoke(openAPI);
      if (endpoints instanceof Map<?, ?> map) {
        map.clear();
      }
    } catch (ReflectiveOperationException | UnsupportedOperationException e) {
      // Another implementation: nothing of Payara's to remove.
    }
  }

  private static void problem(Operation operation, String status, String description) {
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    if (operation.getResponses().hasAPIResponse(status)) {
      return;
    }
    APIResponse response =
        OASFactory.createAPIResponse()
            .description(description)
            .content(
                OASFactory.createContent()
                    .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                            .schema(OASFactory.createSchema().ref(PROBLEM_REF))));
    operation.getResponses().addAPIResponse(status, response);
  }

  private static Schema problemSchema() {
    Map<String, Schema> properties =
        Map.of(
            "type", string("A URI naming the kind of problem"),
            "title", string("A short summary of the kind of problem"),
            "status",
                OASFactory.createSchema()
                    .type(Schema.SchemaType.INTEGER)
                    .description("The HTTP status code"),
            "detail", string("What went wrong with this request"));
    return OASFactory.createSchema()
        .type(Schema.SchemaType.OBJECT)
        .description("An RFC 9457 problem document")
        .properties(properties)
        .required(java.util.List.of("type", "title", "status", "detail"));
  }

  private static Schema string(String description) {
    return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
  }
}
