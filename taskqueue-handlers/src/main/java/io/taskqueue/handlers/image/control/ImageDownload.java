package io.taskqueue.handlers.image.control;

import io.taskqueue.handlers.image.entity.ImageSettings;
import io.taskqueue.handlers.outbound.boundary.BoundedExchange;
import io.taskqueue.handlers.outbound.boundary.LimitedFileBody;
import io.taskqueue.handlers.outbound.boundary.ResponseExcerpt;
import io.taskqueue.handlers.outbound.boundary.ResponseStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Downloads a source image into a file: GET without following redirects, within one deadline,
 * streamed to disk and cut off past the size limit. The URL's host was checked by the payload.
 */
public final class ImageDownload {

  private static final int ERROR_EXCERPT_CHARS = 200;

  private final ImageSettings settings;
  private final HttpClient client;
  private final Clock clock;

  /**
   * A downloader with the handler's limits.
   *
   * @param settings the size limit and timeouts
   * @param clock the current time, for {@code Retry-After} dates
   */
  public ImageDownload(ImageSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.client = BoundedExchange.noRedirects(settings.connectTimeout());
  }

  /**
   * Downloads {@code url} into {@code file}.
   *
   * @param url the image's URL, on an allowed host
   * @param file an existing file to fill
   * @throws Exception {@link io.taskqueue.NonRetryableException} for a body over the limit or a
   *     permanent HTTP failure (404, a redirect...), a retryable one for 408, 429, 5xx, network
   *     failures and the deadline
   */
  public void into(URI url, Path file) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(url).timeout(settings.downloadTimeout()).GET().build();
    // The body is the file on success; on failure only an excerpt is read, for the message.
    HttpResponse<String> response =
        BoundedExchange.send(
            client,
            request,
            info ->
                ResponseStatus.isSuccess(info.statusCode())
                    ? BodySubscribers.mapping(
                        new LimitedFileBody(file, settings.maxInputBytes()), written -> "")
                    : ResponseExcerpt.handler(ERROR_EXCERPT_CHARS).apply(info),
            settings.downloadTimeout());
    if (!ResponseStatus.isSuccess(response.statusCode())) {
      throw ResponseStatus.failure(
          "image host " + url.getHost(),
          response.statusCode(),
          response.headers().firstValue("Retry-After").orElse(null),
          response
              .headers()
              .firstValue("Location")
              .map(to -> "redirect to " + to + " not followed")
              .orElse(response.body()),
          clock.instant());
    }
  }
}
