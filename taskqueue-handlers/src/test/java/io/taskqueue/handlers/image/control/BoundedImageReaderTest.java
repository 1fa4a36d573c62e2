package io.taskqueue.handlers.image.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.image.entity.OutputFormat;
import io.taskqueue.handlers.image.entity.Size;
import io.taskqueue.handlers.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedImageReaderTest {

  @TempDir Path dir;

  private final BoundedImageReader reader = new BoundedImageReader(40_000_000, 10_000_000);

  @Test
  void decodesAFarLargerSourceSubsampledToAboutTwiceTheTarget() throws Exception {
    Path big = TestImages.write(dir.resolve("big.png"), 2400, 1800, "png");

    BoundedImageReader.Decoded decoded = reader.read(big, size -> new Size(120, 90));

    assertEquals(240, decoded.image().getWidth());
    assertEquals(180, decoded.image().getHeight());
    assertEquals(OutputFormat.PNG, decoded.sourceFormat());
  }

  @Test
  void refusesAHeaderClaimingTooManyPixelsWithoutDecoding() throws Exception {
    // 1.6 billion pixels: under ImageIO's own limits, so only our check stands in the way.
    Path bomb = Files.write(dir.resolve("bomb.png"), TestImages.pngHeaderClaiming(40_000, 40_000));

    NonRetryableException refused =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2),
            () -> assertThrows(NonRetryableException.class, () -> reader.read(bomb, size -> size)));

    assertTrue(refused.getMessage().contains("40000x40000"), refused.getMessage());
    assertTrue(refused.getMessage().contains("pixels"), refused.getMessage());
  }

  @Test
  void refusesAnUpscaledResultOverThePixelLimit() throws Exception {
    Path small = TestImages.write(dir.resolve("small.png"), 40, 30, "png");

    assertThrows(
        NonRetryableException.class,
        () -> new BoundedImageReader(10_000, 10_000_000).read(small, size -> new Size(400, 300)));
  }
}
