package io.taskqueue.handlers.image.boundary;

import io.taskqueue.JobContext;
import io.taskqueue.JobHandler;
import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.image.control.ResizeImage;
import io.taskqueue.handlers.image.entity.ImageSettings;
import io.taskqueue.handlers.outbound.entity.AllowedHosts;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code image.resize} job type: scales an image from the storage directory (or an allowed
 * host) into a box and writes the result beside it. Off unless {@code
 * taskqueue.handlers.image.enabled} is true; it also stays off, with a warning, when the storage
 * directory is not set or does not exist.
 */
@ApplicationScoped
public class ImageResizeHandler implements JobHandler {

  private static final Logger LOG = Logger.getLogger(ImageResizeHandler.class.getName());

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.image.enabled", defaultValue = "false")
  boolean switchedOn;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.image.storage-dir")
  Optional<String> storageDir;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.image.allowed-hosts")
  Optional<String> allowedHosts;

  @Inject
  @ConfigProperty(name = AllowedHosts.INTERNAL_NETWORKS_PROPERTY)
  Optional<String> internalNetworks;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.image.max-pixels", defaultValue = "40000000")
  long maxPixels;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.image.max-input-bytes", defaultValue = "52428800")
  long maxInputBytes;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.image.connect-timeout-ms", defaultValue = "5000")
  long connectTimeoutMs;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.image.download-timeout-ms", defaultValue = "60000")
  long downloadTimeoutMs;

  @Inject
  @ConfigProperty(name = "taskqueue.handlers.image.remote-ttl-hours", defaultValue = "24")
  long remoteTtlHours;

  private ResizeImage resizer;
  private String offBecause = "taskqueue.handlers.image.enabled is not true";

  @PostConstruct
  void configure() {
    if (!switchedOn) {
      return;
    }
    try {
      resizer =
          new ResizeImage(
              new ImageSettings(
                  storageDir.map(Path::of).orElse(null),
                  AllowedHosts.parse(allowedHosts.orElse(""))
                      .withInternalNetworks(internalNetworks.orElse("")),
                  maxPixels,
                  maxInputBytes,
                  Duration.ofMillis(connectTimeoutMs),
                  Duration.ofMillis(downloadTimeoutMs),
                  Duration.ofHours(remoteTtlHours)),
              Clock.systemUTC());
    } catch (IllegalArgumentException incomplete) {
      offBecause = incomplete.getMessage();
      LOG.warning("image.resize handler stays off: " + offBecause);
    }
  }

  @PreDestroy
  void closeConnections() {
    if (resizer != null) {
      resizer.close();
    }
  }

  @Override
  public String type() {
    return "image.resize";
  }

  @Override
  public boolean enabled() {
    return resizer != null;
  }

  @Override
  public Object handle(JobContext job) throws Exception {
    if (resizer == null) {
      throw new NonRetryableException("the image.resize handler is off: " + offBecause);
    }
    return resizer.resize(job.jobId(), job.payload());
  }
}
