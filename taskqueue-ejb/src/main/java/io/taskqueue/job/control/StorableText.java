package io.taskqueue.job.control;

/**
 * Text that PostgreSQL can store: a {@code text} column cannot hold NUL (the driver refuses the
 * whole statement), so a NUL from a handler's error or log becomes U+FFFD, the replacement
 * character, instead of failing the write it travels in.
 */
public final class StorableText {

  private StorableText() {}

  public static String of(String text) {
    return text == null || text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
  }
}
