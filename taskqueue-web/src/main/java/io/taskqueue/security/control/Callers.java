package io.taskqueue.security.control;

import io.taskqueue.api.entity.Problem;

/** Where the authenticated caller is kept for the request, and the problems of refusing one. */
public final class Callers {

  /**
   * Request attribute holding the {@link io.taskqueue.security.entity.Caller}; absent if anonymous.
   */
  public static final String ATTRIBUTE = "io.taskqueue.caller";

  private Callers() {}

  static Problem unauthorized(String detail) {
    return new Problem("urn:taskqueue:problem:unauthorized", "Unauthorized", 401, detail);
  }

  static Problem forbidden(String detail) {
    return new Problem("urn:taskqueue:problem:forbidden", "Forbidden", 403, detail);
  }
}
