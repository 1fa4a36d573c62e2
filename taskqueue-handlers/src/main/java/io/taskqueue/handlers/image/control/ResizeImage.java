package io.taskqueue.handlers.image.control;

import io.taskqueue.handlers.image.control.BoundedImageReader.Decoded;
import io.taskqueue.handlers.image.entity.ImageSettings;
import io.taskqueue.handlers.image.entity.OutputFormat;
import io.taskqueue.handlers.image.entity.ResizeRequest;
import io.taskqueue.handlers.image.entity.ResizedImage;
import io.taskqueue.handlers.image.entity.Size;
import io.taskqueue.handlers.outbound.entity.HostLookup;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * Runs one image job:
 *
 * <ol>
 *   <li>reads the payload ({@link ResizePayload});
 *   <li>finds the source inside the storage directory ({@link StorageDirectory}), or downloads it
 *       from an allowed host into a temporary file there ({@link ImageDownload});
 *   <li>decodes it within the pixel and byte limits ({@link BoundedImageReader});
 *   <li>scales it into the box, keeping the aspect ratio and enlarging only when asked;
 *   <li>writes {@code <name>-<w>x<h>.<ext>} beside the source, or {@code remote/<job
 *       id>-<w>x<h>.<ext>} for a download, replacing an earlier result atomically.
 * </ol>
 */
public class ResizeImage implements AutoCloseable {

  private final ImageSettings settings;
  private final StorageDirectory storage;
  private final BoundedImageReader reader;
  private final ImageDownload download;
  private final RemoteExpiry expiry;

  /**
   * A resizer with its settings.
   *
   * @param settings the storage directory, limits and download timeouts
   * @param clock the current time, for {@code Retry-After} dates
   * @throws IllegalArgumentException when the storage directory does not exist
   */
  public ResizeImage(ImageSettings settings, Clock clock) {
    this(settings, clock, HostLookup.SYSTEM);
  }

  /**
   * A resizer with its settings and its own name resolution (tests answer a private address).
   *
   * @param settings the storage directory, limits and download timeouts
   * @param clock the current time, for {@code Retry-After} dates
   * @param lookup resolves the hosts of downloads; every address is checked before connecting
   * @throws IllegalArgumentException when the storage directory does not exist
   */
  public ResizeImage(ImageSettings settings, Clock clock, HostLookup lookup) {
    this.settings = settings;
    this.storage = new StorageDirectory(settings.storageDir());
    this.reader = new BoundedImageReader(settings.maxPixels(), settings.maxInputBytes());
    this.download = new ImageDownload(settings, clock, lookup);
    this.expiry = new RemoteExpiry(settings.remoteTtl(), clock);
  }

  /** Closes the connections kept for downloads. */
  @Override
  public void close() {
    download.close();
  }

  /**
   * Resizes the image the job names.
   *
   * @param jobId the job, naming the results of downloads
   * @param payload the job's payload
   * @return where the result is, its size in bytes and pixels
   * @throws Exception {@link io.taskqueue.NonRetryableException} when the payload, the source or
   *     its host refuse for good; anything else when a later attempt may succeed
   */
  public ResizedImage resize(UUID jobId, JsonObject payload) throws Exception {
    ResizeRequest request = ResizePayload.parse(payload, settings.allowedHosts());
    if (request.path().isPresent()) {
      Path source = storage.existingFile(request.path().get());
      return resize(source, request, source.getParent(), stem(source.getFileName().toString()));
    }
    Path remote = storage.remoteDirectory();
    expiry.sweepIfDue(remote);
    Path downloaded = Files.createTempFile(remote, ".download-", ".tmp");
    try {
      download.into(request.url().orElseThrow(), downloaded);
      return resize(downloaded, request, remote, jobId.toString());
    } finally {
      Files.deleteIfExists(downloaded);
    }
  }

  private ResizedImage resize(Path source, ResizeRequest request, Path directory, String stem)
      throws Exception {
    Decoded decoded =
        reader.read(
            source,
            size ->
                ImageScaling.fit(size, request.maxWidth(), request.maxHeight(), request.upscale()));
    OutputFormat format = request.format().orElse(decoded.sourceFormat());
    Size size = decoded.target();
    BufferedImage scaled = ImageScaling.scale(decoded.image(), size, format == OutputFormat.JPEG);
    Path target = directory.resolve(stem + "-" + size + "." + format.extension());
    long bytes = ImageWriting.write(scaled, format, request.quality(), target, request.overwrite());
    return new ResizedImage(storage.relative(target), bytes, size.width(), size.height());
  }

  private static String stem(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
