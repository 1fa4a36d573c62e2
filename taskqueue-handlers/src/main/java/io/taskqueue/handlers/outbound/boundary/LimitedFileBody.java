package io.taskqueue.handlers.outbound.boundary;

import io.taskqueue.NonRetryableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams a response body to a file and stops once it passes a size limit, failing with a {@link
 * NonRetryableException}: memory stays flat and a huge download stops early.
 */
public final class LimitedFileBody {

  private static final int CHUNK = 64 * 1024;

  private LimitedFileBody() {}

  /**
   * Copies {@code body} into {@code file}, replacing what it held; a link in its place is not
   * followed.
   *
   * @param body the body
   * @param file the file to write (it should exist, e.g. a fresh temporary file)
   * @param maxBytes the largest body accepted
   * @return the bytes written
   * @throws IOException when reading or writing fails
   * @throws NonRetryableException when the body is larger than {@code maxBytes}
   */
  public static long copy(InputStream body, Path file, long maxBytes)
      throws IOException, NonRetryableException {
    long written = 0;
    byte[] chunk = new byte[CHUNK];
    try (OutputStream out =
        Files.newOutputStream(
            file,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING,
            LinkOption.NOFOLLOW_LINKS)) {
      int n;
      while ((n = body.read(chunk)) != -1) {
        written += n;
        if (written > maxBytes) {
          throw new NonRetryableException("download is larger than " + maxBytes + " bytes");
        }
        out.write(chunk, 0, n);
      }
    }
    return written;
  }
}
