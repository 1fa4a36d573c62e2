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
 * everywhere, 404 where a job is named, 409 where a job's state may forbid the action, 413, 415 and
 * 429 on submissions; 503 everywhere, for a backing store that is briefly unreachable), and the
 * bearer security scheme every operation needs. One place rather than an annotation per method per
 * status, which would drift from the mappers.
 */
public class ProblemResponses implements OASFilter {

  private static final String PROBLEM_REF = "#/components/schemas/Problem";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    openAPI.getComponents().addSchema("Problem", problemSchema());
    openAPI
        .getComponents()
        .addSecurityScheme(
            "bearer",
            OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .description("An API key (tq_…) or a JWT from the configured identity provider"));
    openAPI.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer"));
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
    boolean submits =
        path.equals("/api/jobs") && method.equals("POST") || path.equals("/api/jobs/batch");
    problem(operation, "400", "Bad input: malformed JSON, unknown field, invalid value");
    problem(operation, "401", "No credentials, or an unknown, revoked or expired key or token");
    problem(operation, "403", "The caller's roles do not allow this");
    if (path.contains("{id}")) {
      problem(operation, "404", "No job has this id");
    }
    if (path.endsWith("/cancel") || path.endsWith("{id}/retry")) {
      problem(operation, "409", "The job's status does not allow this");
    }
    if (submits) {
      problem(operation, "413", "Payload or body over its size limit");
      problem(operation, "415", "Not application/json");
      problem(operation, "429", "Over the caller's submit rate; see Retry-After");
    }
    problem(operation, "503", "PostgreSQL or Redis is unreachable for the moment; see Retry-After");
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
            "status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER),
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
