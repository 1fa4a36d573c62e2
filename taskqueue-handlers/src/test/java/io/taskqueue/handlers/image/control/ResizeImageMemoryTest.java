package io.taskqueue.handlers.image.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import io.taskqueue.handlers.image.entity.ImageSettings;
import io.taskqueue.handlers.image.entity.ResizedImage;
import io.taskqueue.handlers.outbound.entity.AllowedHosts;
import io.taskqueue.handlers.testing.Json;
import io.taskqueue.handlers.testing.TestImages;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resizing leaves nothing behind: after a thousand images the heap, measured after full
 * collections, is where it was after warming up, and no file stays open. A resizer that kept
 * decoded images, readers or streams would grow by hundreds of megabytes or file descriptors.
 */
class ResizeImageMemoryTest {

  private static final int IMAGES = 1_000;
  private static final int WARM_UP = 100;
  private static final long HEAP_BOUND = 16L * 1024 * 1024;

  @TempDir Path storage;

  @Test
  void aThousandResizesKeepTheHeapFlatAndCloseEveryFile() throws Exception {
    for (int i = 0; i < 10; i++) {
      String format = i % 2 == 0 ? "png" : "jpeg";
      TestImages.write(storage.resolve("sources/" + i + "." + format), 400 + i, 300, format);
    }
    for (int n = 0; n < IMAGES + WARM_UP; n++) {
      int i = n % 10;
      String name = i + "." + (i % 2 == 0 ? "png" : "jpeg");
      Path copy = storage.resolve("batch/" + n + "-" + name);
      Files.createDirectories(copy.getParent());
      Files.copy(storage.resolve("sources/" + name), copy);
    }
    ResizeImage resizer =
        new ResizeImage(
            new ImageSettings(
                storage,
                AllowedHosts.parse(""),
                40_000_000,
                50_000_000,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofHours(24)),
            Clock.systemUTC());

    for (int n = 0; n < WARM_UP; n++) {
      resize(resizer, n);
    }
    long heapBefore = usedHeapAfterFullCollections();
    long filesBefore = openFileDescriptors();

    // Sampled as it runs: a leaked stream is closed by its cleaner once collected, so the count
    // only shows a leak between collections.
    long mostFiles = filesBefore;
    for (int n = WARM_UP; n < WARM_UP + IMAGES; n++) {
      ResizedImage result = resize(resizer, n);
      assertEquals(200, result.width());
      if (n % 25 == 0) {
        mostFiles = Math.max(mostFiles, openFileDescriptors());
      }
    }
    long heapAfter = usedHeapAfterFullCollections();

    assertTrue(
        heapAfter - heapBefore < HEAP_BOUND,
        "heap grew from " + heapBefore + " to " + heapAfter + " bytes over " + IMAGES + " images");
    assertTrue(
        mostFiles - filesBefore < 10, "open files grew from " + filesBefore + " to " + mostFiles);
  }

  private static ResizedImage resize(ResizeImage resizer, int n) throws Exception {
    int i = n % 10;
    String path = "batch/" + n + "-" + i + "." + (i % 2 == 0 ? "png" : "jpeg");
    return resizer.resize(
        UUID.randomUUID(), Json.object("{'path': '" + path + "', 'width': 200, 'height': 200}"));
  }

  /**
   * Used heap once full collections stop freeing more: the least of up to five readings, each after
   * {@code System.gc()}, which with the JVM's collectors runs a full collection before it returns.
   */
  private static long usedHeapAfterFullCollections() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long least = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      System.gc();
      long used = memory.getHeapMemoryUsage().getUsed();
      if (used >= least - 256 * 1024) {
        return Math.min(least, used);
      }
      least = used;
    }
    return least;
  }

  private static long openFileDescriptors() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : 0;
  }
}
