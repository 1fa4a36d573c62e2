package io.taskqueue.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.taskqueue.support.Api;
import io.taskqueue.support.Api.Reply;
import io.taskqueue.support.DeployedWar;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API description the deployed app serves at {@code /openapi} is one that client generators
 * accept: OpenAPI Generator's own validation finds nothing wrong with it, and a TypeScript client
 * generated from it (the README's command) submits a job, reads it back until it completes and
 * reads a bad request's problem as a typed object.
 */
class ApiDescriptionIT extends DeployedWar {

  private static final Path WORK = Path.of("target", "openapi").toAbsolutePath();
  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(180);

  private Path document;

  @BeforeEach
  void fetchTheDocument() throws IOException {
    Reply reply = api.getFromRoot("/openapi?format=JSON");
    assertEquals(200, reply.status(), reply.body());
    Files.createDirectories(WORK);
    document = WORK.resolve("openapi.json");
    Files.writeString(document, reply.body(), StandardCharsets.UTF_8);
  }

  @Test
  void everyOperationHasAUniqueIdATagTypedBodiesAndItsProblems() throws IOException {
    JsonObject openapi = read(document);
    assertEquals(
        Set.of("openapi", "info", "servers", "security", "tags", "paths", "components"),
        openapi.keySet(),
        "only what OpenAPI defines at the top level");
    JsonObject schemes = openapi.getJsonObject("components").getJsonObject("securitySchemes");
    assertEquals(Set.of("apiKey", "jwt"), schemes.keySet());
    Set<String> ids = new HashSet<>();
    int operations = 0;
    for (var path : openapi.getJsonObject("paths").entrySet()) {
      for (var entry : path.getValue().asJsonObject().entrySet()) {
        String where = entry.getKey().toUpperCase() + " " + path.getKey();
        JsonObject operation = entry.getValue().asJsonObject();
        operations++;
        String id = operation.getString("operationId", null);
        assertNotNull(id, where + " has no operationId");
        assertTrue(ids.add(id), where + " repeats operationId " + id);
        assertFalse(operation.getJsonArray("tags").isEmpty(), where + " has no tag");
        JsonObject responses = operation.getJsonObject("responses");
        assertFalse(responses.containsKey("default"), where + " answers 'default'");
        assertTrue(
            responses.keySet().stream().anyMatch(status -> status.startsWith("2")),
            where + " declares no success");
        for (String problem : List.of("401", "403", "503")) {
          assertEquals(
              "#/components/schemas/Problem",
              responses
                  .getJsonObject(problem)
                  .getJsonObject("content")
                  .getJsonObject("application/problem+json")
                  .getJsonObject("schema")
                  .getString("$ref"),
              where + " " + problem);
        }
        if (operation.containsKey("requestBody")) {
          assertTrue(
              operation
                  .getJsonObject("requestBody")
                  .getJsonObject("content")
                  .getJsonObject("application/json")
                  .getJsonObject("schema")
                  .containsKey("$ref"),
              where + " takes a body without a named schema");
        }
        if (entry.getKey().equals("post") || entry.getKey().equals("put")) {
          boolean takesNoBody =
              path.getKey().matches(".*/(cancel|retry|pause|resume|run)$")
                  || path.getKey().equals("/api/ws-ticket");
          assertEquals(!takesNoBody, operation.containsKey("requestBody"), where + " body");
        }
      }
    }
    assertTrue(operations >= 37, "every operation is described, not " + operations);
    for (var schema : openapi.getJsonObject("components").getJsonObject("schemas").entrySet()) {
      JsonObject properties = schema.getValue().asJsonObject().getJsonObject("properties");
      for (var property :
          properties == null ? Set.<Map.Entry<String, JsonValue>>of() : properties.entrySet()) {
        JsonObject described = property.getValue().asJsonObject();
        if (described.containsKey("items")) {
          described = described.getJsonObject("items");
        }
        // A type Payara could not describe becomes a bare object; payloads and results are free
        // JSON.
        boolean bare =
            "object".equals(described.getString("type", null))
                && !described.containsKey("properties")
                && !described.containsKey("additionalProperties");
        assertFalse(
            bare, schema.getKey() + "." + property.getKey() + " is described as a bare object");
      }
    }
  }

  @Test
  void openApiGeneratorFindsNoErrorInTheServedDocument() throws Exception {
    String output = run(WORK, "java", "-jar", generator(), "validate", "-i", document.toString());
    assertTrue(output.contains("No validation issues detected"), output);
  }

  @Test
  void aTypeScriptClientGeneratedFromItSubmitsReadsAndReadsProblems() throws Exception {
    Path client =
        typeScriptClient(
            "smoke", Path.of("src", "test", "typescript", "generated-client-smoke.ts"));
    run(client, "node", tsc().toString(), "-p", "tsconfig.json");

    String base =
        "http://127.0.0.1:" + deployment.getPort() + deployment.getPath().replaceAll("/$", "");
    String output =
        run(client, "node", "dist/generated-client-smoke.js", base, Api.ADMIN_KEY).strip();
    JsonObject seen = read(output.substring(output.lastIndexOf('\n') + 1));
    assertEquals("completed", seen.getString("status"), output);
    assertTrue(seen.getBoolean("createdIsDate"), "date-times are read as Date: " + output);
    assertEquals(
        Json.createObjectBuilder().add("greeting", "hello").build(),
        seen.getJsonObject("result"),
        output);
    JsonObject problem = seen.getJsonObject("problem");
    assertEquals(400, problem.getInt("status"), output);
    assertEquals("urn:taskqueue:problem:invalid-job", problem.getString("type"), output);
    assertTrue(problem.getString("detail").contains("maxAttempts"), output);
  }

  /**
   * The console's hand-written types (src/services/types.ts) name no field that the document does
   * not declare; console-types-check.ts says which pairs of types are compared.
   */
  @Test
  void theConsoleTypesNameOnlyFieldsTheDocumentDeclares() throws Exception {
    Path frontend = Path.of(System.getProperty("taskqueue.frontend"));
    Path client =
        typeScriptClient("console", Path.of("src", "test", "typescript", "console-types-check.ts"));
    Files.copy(
        frontend.resolve(Path.of("src", "services", "types.ts")),
        client.resolve("console-types.ts"));
    run(client, "node", tsc().toString(), "-p", "tsconfig.json", "--noEmit");
  }

  // --- helpers

  /**
   * A typescript-fetch client generated from the served document into its own directory, with
   * {@code extra} beside it and a tsconfig that compiles them all: the README's generator command.
   */
  private Path typeScriptClient(String name, Path... extra) throws Exception {
    Path client = WORK.resolve("typescript-fetch-" + name);
    deleteRecursively(client);
    run(
        WORK,
        "java",
        "-jar",
        generator(),
        "generate",
        "-g",
        "typescript-fetch",
        "-i",
        document.toString(),
        "-o",
        client.toString());
    for (Path file : extra) {
      Files.copy(file, client.resolve(file.getFileName()));
    }
    Files.writeString(
        client.resolve("tsconfig.json"),
        """
        {"compilerOptions": {"target": "ES2020", "module": "commonjs", "lib": ["ES2020", "DOM"],
          "strict": true, "outDir": "dist", "skipLibCheck": true, "types": []},
         "include": ["*.ts", "apis/*.ts", "models/*.ts"]}
        """);
    return client;
  }

  private static Path tsc() {
    return Path.of(
        System.getProperty("taskqueue.frontend"), "node_modules", "typescript", "bin", "tsc");
  }

  private static String generator() {
    return System.getProperty("taskqueue.openapi-generator");
  }

  /** Runs a tool to its end within the timeout; its output, or a failure that shows it. */
  private static String run(Path directory, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread reader =
        new Thread(
            () -> {
              try (var in = process.inputReader()) {
                in.lines().forEach(lines::add);
              } catch (IOException e) {
                lines.add("(output unreadable: " + e + ")");
              }
            });
    reader.start();
    if (!process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(String.join(" ", command) + " did not finish in " + TOOL_TIMEOUT);
    }
    reader.join(TOOL_TIMEOUT.toMillis());
    String output = String.join("\n", lines);
    if (process.exitValue() != 0) {
      fail(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + output);
    }
    return output;
  }

  private static JsonObject read(Path file) throws IOException {
    return read(Files.readString(file));
  }

  private static JsonObject read(String json) {
    JsonValue value = Json.createReader(new StringReader(json)).readValue();
    return value.asJsonObject();
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (var files = Files.walk(directory)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
