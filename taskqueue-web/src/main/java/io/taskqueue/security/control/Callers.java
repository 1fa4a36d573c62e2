package io.taskqueue.security.control;

import io.taskqueue.api.entity.Problem;

/** Where the authenticated caller is kept for the request, and the problems of refusing one. */
public final class Callers {

  /**
   * Request attribute holding the {@link io.taskqueue.security.entity.Caller}; absent if anonymous.
   */
  public static final String ATTRIBUTE = "io.taskqueue.caller";

  /** Request attribute holding the caller's {@link io.taskqueue.security.entity.SignIn}. */
  public static final String SIGN_IN = "io.taskqueue.sign-in";

  /**
   * The longest caller name admitted. A caller's id ({@code via:name}, at most {@code jwt:} or
   * {@code key:} before the name) is stored in varchar(200) columns (submitter, audit actor, key
   * creator); a longer name would make every write by that caller fail. Refused at sign-in rather
   * than cut, since two long names cut alike would become one caller.
   */
  public static final int MAX_NAME_LENGTH = 196;

  private Callers() {}

  static Problem unauthorized(String detail) {
    return new Problem("urn:taskqueue:problem:unauthorized", "Unauthorized", 401, detail);
  }

  static Problem forbidden(String detail) {
    return new Problem("urn:taskqueue:problem:forbidden", "Forbidden", 403, detail);
  }
}
