package io.taskqueue.store.control;

/** Reads the replies of Redis scripts, which come as byte arrays, strings or numbers. */
public final class RedisReplies {

  private RedisReplies() {}

  public static String text(Object value) {
    return value instanceof byte[] bytes ? new String(bytes) : String.valueOf(value);
  }

  public static long number(Object value) {
    return value instanceof Number n ? n.longValue() : Long.parseLong(text(value));
  }
}
