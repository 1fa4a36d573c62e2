package io.taskqueue.client.control;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One API call: the operation as {@code /openapi} names it, its method and path (relative to the
 * application, such as {@code api/jobs}), query, body and extra headers, and whether it may be sent
 * again when its answer was lost ({@code repeatable}): a read, or a submit with an idempotency key.
 * A call that is not repeatable is sent again only when it surely did not arrive (no connection,
 * 429, 503).
 */
public record Call(
    String operationId,
    String method,
    String path,
    Map<String, String> query,
    Object body,
    Map<String, String> headers,
    boolean repeatable) {

  public static Call get(String operationId, String path) {
    return new Call(operationId, "GET", path, Map.of(), null, Map.of(), true);
  }

  public static Call post(String operationId, String path, Object body) {
    return new Call(operationId, "POST", path, Map.of(), body, Map.of(), false);
  }

  public static Call put(String operationId, String path, Object body) {
    return new Call(operationId, "PUT", path, Map.of(), body, Map.of(), true);
  }

  public static Call delete(String operationId, String path) {
    return new Call(operationId, "DELETE", path, Map.of(), null, Map.of(), true);
  }

  /** This call with query parameter {@code name}, unless {@code value} is null. */
  public Call query(String name, Object value) {
    if (value == null) {
      return this;
    }
    Map<String, String> more = new LinkedHashMap<>(query);
    more.put(name, value.toString());
    return new Call(operationId, method, path, more, body, headers, repeatable);
  }

  public Call header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Call(operationId, method, path, query, body, more, repeatable);
  }

  /** This call, safe to send again when its answer was lost. */
  public Call idempotent() {
    return new Call(operationId, method, path, query, body, headers, true);
  }
}
