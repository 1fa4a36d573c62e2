package io.taskqueue.handlers.image.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.image.entity.ResizedImage;
import io.taskqueue.handlers.testing.Json;
import io.taskqueue.handlers.testing.TestImages;
import io.taskqueue.handlers.testing.TestJob;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bean as the container would set it up: injected fields, then its post-construct. */
class ImageResizeHandlerTest {

  @TempDir Path storage;

  private static ImageResizeHandler handler(boolean on, String storageDir) {
    ImageResizeHandler handler = new ImageResizeHandler();
    handler.switchedOn = on;
    handler.storageDir = Optional.ofNullable(storageDir);
    handler.allowedHosts = Optional.empty();
    handler.internalNetworks = Optional.empty();
    handler.maxPixels = 40_000_000;
    handler.maxInputBytes = 50_000_000;
    handler.connectTimeoutMs = 1000;
    handler.downloadTimeoutMs = 1000;
    handler.remoteTtlHours = 24;
    handler.configure();
    return handler;
  }

  private static TestJob job() {
    return new TestJob(
        UUID.randomUUID(), "image.resize", Json.object("{'path': 'a.png', 'width': 40}"));
  }

  @Test
  void isOffUnlessSwitchedOnAndRefusesJobsThen() throws Exception {
    TestImages.write(storage.resolve("a.png"), 80, 60, "png");
    ImageResizeHandler off = handler(false, storage.toString());

    assertEquals("image.resize", off.type());
    assertFalse(off.enabled());
    assertThrows(NonRetryableException.class, () -> off.handle(job()));
  }

  @Test
  void staysOffWithoutAnExistingStorageDirectory() {
    assertFalse(handler(true, null).enabled());
    assertFalse(handler(true, storage.resolve("missing").toString()).enabled());
  }

  @Test
  void resizesWhenSwitchedOnAndComplete() throws Exception {
    TestImages.write(storage.resolve("a.png"), 80, 60, "png");
    ImageResizeHandler on = handler(true, storage.toString());

    assertTrue(on.enabled());
    ResizedImage result = (ResizedImage) on.handle(job());

    assertEquals("a-40x30.png", result.path());
  }
}
