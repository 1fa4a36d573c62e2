package io.taskqueue.handlers.image.entity;

import io.taskqueue.handlers.outbound.entity.AllowedHosts;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the image handler reads and writes, and how much it takes on.
 *
 * @param storageDir the directory that holds the images; nothing outside it is read or written
 * @param allowedHosts the hosts a job's {@code url} may name (none: jobs give paths only)
 * @param maxPixels the most pixels (width times height) an image may have, source or result
 * @param maxInputBytes the largest source file, stored or downloaded
 * @param connectTimeout the longest wait for a connection when downloading
 * @param downloadTimeout the longest a whole download may take
 * @param remoteTtl how long results of downloaded images are kept in {@code remote/} (zero: for
 *     ever)
 */
public record ImageSettings(
    Path storageDir,
    AllowedHosts allowedHosts,
    long maxPixels,
    long maxInputBytes,
    Duration connectTimeout,
    Duration downloadTimeout,
    Duration remoteTtl) {

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException naming the configuration key to fix
   */
  public ImageSettings {
    if (storageDir == null) {
      throw new IllegalArgumentException("taskqueue.handlers.image.storage-dir is not set");
    }
    if (maxPixels < 1 || maxInputBytes < 1) {
      throw new IllegalArgumentException(
          "taskqueue.handlers.image.max-pixels and max-input-bytes must be positive");
    }
    if (connectTimeout.isNegative()
        || connectTimeout.isZero()
        || downloadTimeout.isNegative()
        || downloadTimeout.isZero()) {
      throw new IllegalArgumentException("image download timeouts must be positive");
    }
    if (remoteTtl.isNegative()) {
      throw new IllegalArgumentException("taskqueue.handlers.image.remote-ttl-hours must be >= 0");
    }
  }
}
