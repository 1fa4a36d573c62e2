package io.taskqueue.handlers.outbound.boundary;

import io.taskqueue.NonRetryableException;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Streams a response body to a file and hangs up once it passes a size limit, failing with a {@link
 * NonRetryableException}: memory stays flat and a huge download stops early.
 */
public final class LimitedFileBody implements BodySubscriber<Path> {

  private final Path file;
  private final long maxBytes;
  private final CompletableFuture<Path> body = new CompletableFuture<>();
  private Flow.Subscription subscription;
  private FileChannel channel;
  private long written;

  /**
   * A subscriber that writes to {@code file}, replacing what it held.
   *
   * @param file the file to write (it should exist, e.g. a fresh temporary file)
   * @param maxBytes the largest body accepted
   */
  public LimitedFileBody(Path file, long maxBytes) {
    this.file = file;
    this.maxBytes = maxBytes;
  }

  @Override
  public CompletionStage<Path> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    try {
      channel =
          FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      fail(e);
      return;
    }
    subscription.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (body.isDone()) {
      return;
    }
    try {
      for (ByteBuffer buffer : buffers) {
        written += buffer.remaining();
        if (written > maxBytes) {
          fail(new NonRetryableException("download is larger than " + maxBytes + " bytes"));
          return;
        }
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
    } catch (IOException e) {
      fail(e);
      return;
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable failure) {
    close();
    body.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    close();
    body.complete(file);
  }

  private void fail(Exception failure) {
    subscription.cancel();
    close();
    body.completeExceptionally(failure);
  }

  private void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the download failed or ended already; the file is the caller's to delete
      }
    }
  }
}
