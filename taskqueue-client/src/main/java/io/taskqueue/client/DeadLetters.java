package io.taskqueue.client;

import io.taskqueue.client.control.Call;
import io.taskqueue.client.control.KeysetPages;
import io.taskqueue.client.control.Pages.JobPage;
import io.taskqueue.client.control.Transport;
import io.taskqueue.client.entity.BulkResult;
import io.taskqueue.client.entity.Job;
import java.util.stream.Stream;

/** {@code /api/dead}: jobs that used up their attempts. */
public final class DeadLetters {

  private final Transport transport;

  DeadLetters(Transport transport) {
    this.transport = transport;
  }

  /** Dead jobs matching {@code query}, newest first, a page at a time. */
  public Stream<Job> list(DeadQuery query) {
    return KeysetPages.stream(
        cursor ->
            transport.send(
                filtered(Call.get("listDeadLetters", "api/dead"), query)
                    .query("limit", query.pageSize())
                    .query("cursor", cursor),
                JobPage.class),
        JobPage::items,
        JobPage::nextCursor);
  }

  /** Queues every matching dead job again (at most 10,000 per call); how many. */
  public int retry(DeadQuery query) {
    BulkResult result =
        transport.send(
            filtered(Call.post("retryDeadLetters", "api/dead/retry", null), query),
            BulkResult.class);
    return result.retried();
  }

  /** Deletes every matching dead job and its history; how many. */
  public int delete(DeadQuery query) {
    BulkResult result =
        transport.send(
            filtered(Call.delete("deleteDeadLetters", "api/dead"), query), BulkResult.class);
    return result.deleted();
  }

  private static Call filtered(Call call, DeadQuery query) {
    return call.query("type", query.type())
        .query("error", query.error())
        .query("after", query.after())
        .query("before", query.before());
  }
}
