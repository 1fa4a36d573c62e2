package io.taskqueue.events.entity;

/**
 * Sent to a client whose message could not be taken ({@code action} "error"); the connection stays
 * open.
 */
public record FeedError(String action, String detail) {

  public static FeedError of(String detail) {
    return new FeedError("error", detail);
  }
}
