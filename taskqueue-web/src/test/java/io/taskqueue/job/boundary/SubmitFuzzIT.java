package io.taskqueue.job.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.ServiceEndpoints;
import io.taskqueue.launcher.control.TestServices;
import io.taskqueue.support.Api.Reply;
import io.taskqueue.support.DeployedWar;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Hostile submissions: a seeded stream of malformed requests (broken JSON, wrong types,
 * out-of-range values, huge and deeply nested payloads, invalid UTF-8, unknown fields, SQL and
 * script in names, wrong media types, poisoned batches). Every one must get a 4xx problem, none may
 * store a job, and the server must stay ready.
 */
class SubmitFuzzIT extends DeployedWar {

  static final int REQUESTS = 1_200;
  static final String VALID =
      "{\"type\":\"noop\",\"priority\":\"high\",\"payload\":{\"a\":[1,2,{\"b\":\"c\"}]},"
          + "\"maxAttempts\":3}";

  record Case(String kind, String path, String contentType, byte[] body) {}

  @Test
  void malformedSubmissionsGetProblemsAndStoreNothing() throws Exception {
    Instant start = Instant.now();
    Random random = new Random(20261128L);
    List<Function<Random, Case>> generators = generators();
    Map<String, Integer> byKind = new TreeMap<>();
    Map<Integer, Integer> byStatus = new TreeMap<>();
    for (int i = 0; i < REQUESTS; i++) {
      Case c = generators.get(i % generators.size()).apply(random);
      Reply reply = api.postBytes(c.path(), c.contentType(), c.body());
      String what = c.kind() + " #" + i + ": " + reply.status() + " " + abbreviate(reply.body());
      assertTrue(reply.status() >= 400 && reply.status() < 500, what);
      assertEquals("application/problem+json", reply.contentType(), what);
      assertEquals(reply.status(), reply.json().getInt("status"), what);
      byKind.merge(c.kind(), 1, Integer::sum);
      byStatus.merge(reply.status(), 1, Integer::sum);
    }
    assertEquals(0, jobsCreatedSince(start), "no malformed request stored a job");
    assertEquals(200, api.getFromRoot("/health/ready").status());
    assertEquals(201, api.post("api/jobs", VALID).status(), "and still takes good jobs");
    System.out.println("FUZZ requests=" + REQUESTS + " statuses=" + byStatus + " kinds=" + byKind);
  }

  private static List<Function<Random, Case>> generators() {
    List<Function<Random, Case>> all = new ArrayList<>();
    all.add(r -> json("truncated", VALID.substring(0, 1 + r.nextInt(VALID.length() - 1))));
    all.add(
        r -> json("array for one job", "[" + VALID + "," + VALID.substring(0, 1 + r.nextInt(40))));
    all.add(
        r ->
            json(
                "trailing garbage", VALID + pick(r, new String[] {" x", "}", ",{}", " " + VALID})));
    all.add(
        r -> {
          byte[] junk = new byte[1 + r.nextInt(300)];
          r.nextBytes(junk);
          junk[0] = '{';
          return new Case("random bytes", "api/jobs", "application/json", junk);
        });
    all.add(r -> json("wrong type", pick(r, WRONG_TYPES)));
    all.add(r -> json("out of range", pick(r, OUT_OF_RANGE)));
    all.add(r -> json("unknown field", "{\"type\":\"noop\",\"" + pick(r, UNKNOWN) + "\":1}"));
    all.add(r -> json("hostile name", "{\"type\":\"" + pick(r, HOSTILE) + "\"}"));
    all.add(
        r ->
            json(
                "hostile priority",
                "{\"type\":\"noop\",\"priority\":\"" + pick(r, HOSTILE) + "\"}"));
    all.add(r -> json("deep nesting", nested(33 + r.nextInt(3_000))));
    all.add(r -> json("very deep nesting", nested(20_000 + r.nextInt(80_000))));
    all.add(
        r ->
            json(
                "long string",
                "{\"type\":\"noop\",\"payload\":{\"s\":\""
                    + "x".repeat(65_537 + r.nextInt(1_000))
                    + "\"}}"));
    all.add(
        r ->
            json(
                "huge payload",
                "{\"type\":\"noop\",\"payload\":{\"list\":["
                    + String.join(
                        ",", Collections.nCopies(110_000 + r.nextInt(10_000), "\"abcdefgh\""))
                    + "]}}"));
    all.add(r -> invalidUtf8(r));
    all.add(
        r ->
            new Case(
                "media type",
                "api/jobs",
                pick(r, new String[] {"text/plain", "application/xml", "multipart/form-data"}),
                VALID.getBytes(StandardCharsets.UTF_8)));
    all.add(
        r ->
            batch(
                "poisoned batch",
                "["
                    + String.join(",", Collections.nCopies(1 + r.nextInt(20), VALID))
                    + ","
                    + pick(r, WRONG_TYPES)
                    + "]"));
    all.add(
        r ->
            batch(
                "batch too large",
                "[" + String.join(",", Collections.nCopies(1_001, VALID)) + "]"));
    all.add(
        r ->
            batch(
                "not a batch",
                pick(r, new String[] {VALID, "{}", "null", "42", "\"jobs\"", "[]"})));
    all.add(
        r -> json("not a job", pick(r, new String[] {"[]", "null", "42", "\"noop\"", "true", ""})));
    return all;
  }

  static final String[] WRONG_TYPES = {
    "{\"type\":42}",
    "{\"type\":[\"noop\"]}",
    "{\"type\":{\"name\":\"noop\"}}",
    "{\"type\":\"noop\",\"priority\":1}",
    "{\"type\":\"noop\",\"maxAttempts\":\"three\"}",
    "{\"type\":\"noop\",\"maxAttempts\":true}",
    "{\"type\":\"noop\",\"maxAttempts\":{}}",
    "{\"type\":\"noop\",\"payload\":\"text\"}",
    "{\"type\":\"noop\",\"payload\":[1,2]}",
    "{\"type\":\"noop\",\"payload\":7}",
    "{\"type\":\"noop\",\"delayMs\":\"soon\"}",
    "{\"type\":\"noop\",\"runAt\":\"tomorrow\"}",
    "{\"type\":\"noop\",\"runAt\":12}",
    "{\"type\":\"noop\",\"backoff\":5}",
    "{\"type\":\"noop\",\"backoff\":{\"multiplier\":\"x\"}}",
    "{\"type\":\"noop\",\"timeoutMs\":[]}",
  };

  static final String[] OUT_OF_RANGE = {
    "{}",
    "{\"type\":\"\"}",
    "{\"type\":\"no-such-handler\"}",
    "{\"type\":\"noop\",\"priority\":\"urgent\"}",
    "{\"type\":\"noop\",\"maxAttempts\":0}",
    "{\"type\":\"noop\",\"maxAttempts\":-1}",
    "{\"type\":\"noop\",\"maxAttempts\":101}",
    "{\"type\":\"noop\",\"maxAttempts\":99999999999}",
    "{\"type\":\"noop\",\"delayMs\":-5}",
    "{\"type\":\"noop\",\"delayMs\":99999999999999}",
    "{\"type\":\"noop\",\"runAt\":\"2999-01-01T00:00:00Z\"}",
    "{\"type\":\"noop\",\"runAt\":\"2030-01-01T00:00:00Z\",\"delayMs\":5}",
    "{\"type\":\"noop\",\"timeoutMs\":0}",
    "{\"type\":\"noop\",\"backoff\":{\"multiplier\":0.5}}",
    "{\"type\":\"noop\",\"backoff\":{\"jitter\":1}}",
    "{\"type\":\"noop\",\"backoff\":{\"initialMs\":-1}}",
  };

  static final String[] UNKNOWN = {"bogus", "TYPE", "payload2", "__proto__", "constructor", "id"};

  static final String[] HOSTILE = {
    "noop'; DROP TABLE jobs;--",
    "noop\\\" OR 1=1 --",
    "' OR '1'='1",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "{{7*7}}",
    "${jndi:ldap://127.0.0.1/x}",
    "../../etc/passwd",
    "noop\\u0000",
    "n\\no\\nop",
    "x".repeat(101),
  };

  private static String nested(int depth) {
    return "{\"type\":\"noop\",\"payload\":{\"n\":" + "[".repeat(depth) + "]".repeat(depth) + "}}";
  }

  private static Case invalidUtf8(Random r) {
    byte[][] bad = {
      {(byte) 0xC3, 0x28},
      {(byte) 0xFF},
      {(byte) 0xE2, (byte) 0x82},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}
    };
    byte[] head = "{\"type\":\"noop\",\"payload\":{\"s\":\"".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
    byte[] middle = bad[r.nextInt(bad.length)];
    byte[] body = new byte[head.length + middle.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(middle, 0, body, head.length, middle.length);
    System.arraycopy(tail, 0, body, head.length + middle.length, tail.length);
    return new Case("invalid UTF-8", "api/jobs", "application/json", body);
  }

  private static Case json(String kind, String body) {
    return new Case(kind, "api/jobs", "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private static Case batch(String kind, String body) {
    return new Case(
        kind, "api/jobs/batch", "application/json", body.getBytes(StandardCharsets.UTF_8));
  }

  private static String pick(Random r, String[] values) {
    return values[r.nextInt(values.length)];
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }

  private static long jobsCreatedSince(Instant start) throws Exception {
    ServiceEndpoints db = TestServices.endpoints();
    try (Connection connection =
            DriverManager.getConnection(db.dbUrl(), db.dbUser(), db.dbPassword());
        PreparedStatement query =
            connection.prepareStatement("SELECT count(*) FROM jobs WHERE created_at >= ?")) {
      query.setTimestamp(1, Timestamp.from(start));
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
