package io.taskqueue.handlers.image.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskqueue.handlers.image.entity.Size;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageScalingTest {

  private static final int ANY = Integer.MAX_VALUE;

  @Test
  void fitsTheLimitingSideAndKeepsTheAspectRatio() {
    assertEquals(new Size(200, 150), ImageScaling.fit(new Size(400, 300), 200, 200, false));
    assertEquals(new Size(150, 200), ImageScaling.fit(new Size(300, 400), 200, 200, false));
    assertEquals(new Size(100, 75), ImageScaling.fit(new Size(400, 300), 100, ANY, false));
    assertEquals(new Size(40, 30), ImageScaling.fit(new Size(400, 300), ANY, 30, false));
  }

  @Test
  void neverEnlargesUnlessAsked() {
    assertEquals(new Size(400, 300), ImageScaling.fit(new Size(400, 300), 800, 800, false));
    assertEquals(new Size(800, 600), ImageScaling.fit(new Size(400, 300), 800, 800, true));
  }

  @Test
  void keepsAtLeastOnePixelPerSide() {
    assertEquals(new Size(10, 1), ImageScaling.fit(new Size(10_000, 10), 10, 10, false));
  }

  @Test
  void subsamplesOnlyWhileTwiceTheTargetRemains() {
    assertEquals(10, ImageScaling.subsampling(new Size(2400, 1800), new Size(120, 90)));
    assertEquals(1, ImageScaling.subsampling(new Size(400, 300), new Size(200, 150)));
    assertEquals(1, ImageScaling.subsampling(new Size(400, 300), new Size(800, 600)));
  }

  @Test
  void scalesInStepsToExactlyTheTargetSize() {
    BufferedImage source = new BufferedImage(1000, 10, BufferedImage.TYPE_INT_ARGB);

    BufferedImage scaled = ImageScaling.scale(source, new Size(7, 3), false);

    assertEquals(7, scaled.getWidth());
    assertEquals(3, scaled.getHeight());
    assertEquals(BufferedImage.TYPE_INT_ARGB, scaled.getType());
    assertEquals(
        BufferedImage.TYPE_INT_RGB, ImageScaling.scale(source, new Size(7, 3), true).getType());
  }
}
