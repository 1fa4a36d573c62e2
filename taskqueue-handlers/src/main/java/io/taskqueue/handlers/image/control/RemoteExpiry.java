package io.taskqueue.handlers.image.control;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Deletes results of downloaded images (and downloads a crash left behind) once they are older than
 * the configured time, so that {@code remote/} does not fill the disk: each image job from a URL
 * leaves a file there, and nothing else ever removes it. Swept by the jobs themselves, at most once
 * every {@link #SWEEP_EVERY} per node.
 */
final class RemoteExpiry {

  static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

  private static final Logger LOG = Logger.getLogger(RemoteExpiry.class.getName());

  private final Duration ttl;
  private final Clock clock;
  private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.MIN);

  RemoteExpiry(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Sweeps {@code remote} when the last sweep on this node is long enough ago. */
  void sweepIfDue(Path remote) {
    if (ttl.isZero()) {
      return;
    }
    Instant now = clock.instant();
    Instant last = lastSweep.get();
    if (last.isAfter(now.minus(SWEEP_EVERY)) || !lastSweep.compareAndSet(last, now)) {
      return;
    }
    try {
      int deleted = sweep(remote, now.minus(ttl));
      if (deleted > 0) {
        LOG.fine(() -> "deleted " + deleted + " expired file(s) from " + remote);
      }
    } catch (IOException e) {
      LOG.warning("could not sweep " + remote + ": " + e);
    }
  }

  /**
   * Deletes every file (links included, never followed) in {@code remote} last changed before
   * {@code before}; directories are left alone. Returns how many it deleted.
   */
  static int sweep(Path remote, Instant before) throws IOException {
    int deleted = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(remote)) {
      for (Path entry : entries) {
        BasicFileAttributes file =
            Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!file.isDirectory() && file.lastModifiedTime().toInstant().isBefore(before)) {
          deleted += Files.deleteIfExists(entry) ? 1 : 0;
        }
      }
    }
    return deleted;
  }
}
