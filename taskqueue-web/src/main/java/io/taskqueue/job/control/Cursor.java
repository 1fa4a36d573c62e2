package io.taskqueue.job.control;

import io.taskqueue.api.control.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque keyset cursor of job listings: the last id of a page, encoded so that clients do not
 * build cursors of their own.
 */
public final class Cursor {

  private Cursor() {}

  public static String encode(UUID lastId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("j:" + lastId).getBytes(StandardCharsets.UTF_8));
  }

  public static UUID decode(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!text.startsWith("j:")) {
        throw new IllegalArgumentException(text);
      }
      return UUID.fromString(text.substring(2));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest(
          "invalid-cursor", "Invalid cursor", "Pass back the nextCursor of a previous page.");
    }
  }
}
