package io.taskqueue.handlers.image.control;

import io.taskqueue.handlers.image.entity.Size;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The arithmetic and drawing of a resize: the size that fits the box, how much to subsample while
 * decoding, and a scale in halving steps (one bilinear step from far away blurs and aliases; steps
 * of at most a half keep detail at a fraction of bicubic's cost).
 */
final class ImageScaling {

  private ImageScaling() {}

  /** The largest size with the source's aspect ratio inside the box; never larger unless asked. */
  static Size fit(Size source, int maxWidth, int maxHeight, boolean upscale) {
    double scale =
        Math.min((double) maxWidth / source.width(), (double) maxHeight / source.height());
    if (!upscale) {
      scale = Math.min(scale, 1.0);
    }
    int width = (int) Math.max(1, Math.min(maxWidth, Math.round(source.width() * scale)));
    int height = (int) Math.max(1, Math.min(maxHeight, Math.round(source.height() * scale)));
    return new Size(width, height);
  }

  /**
   * Every how many pixels to decode: as coarse as keeps at least twice the target's pixels per
   * side, so that a 40-megapixel photo bound for a thumbnail never lives in memory whole.
   */
  static int subsampling(Size source, Size target) {
    int byWidth = source.width() / (2 * target.width());
    int byHeight = source.height() / (2 * target.height());
    return Math.max(1, Math.min(byWidth, byHeight));
  }

  /** The image scaled to {@code target}; opaque results get white where the source was clear. */
  static BufferedImage scale(BufferedImage source, Size target, boolean opaque) {
    int type =
        opaque || !source.getColorModel().hasAlpha()
            ? BufferedImage.TYPE_INT_RGB
            : BufferedImage.TYPE_INT_ARGB;
    BufferedImage current = source;
    int width = source.getWidth();
    int height = source.getHeight();
    do {
      width = width > target.width() ? Math.max(width / 2, target.width()) : target.width();
      height = height > target.height() ? Math.max(height / 2, target.height()) : target.height();
      current = draw(current, width, height, type);
    } while (width != target.width() || height != target.height());
    return current;
  }

  private static BufferedImage draw(BufferedImage source, int width, int height, int type) {
    BufferedImage scaled = new BufferedImage(width, height, type);
    Graphics2D graphics = scaled.createGraphics();
    try {
      graphics.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      graphics.drawImage(
          source,
          0,
          0,
          width,
          height,
          type == BufferedImage.TYPE_INT_RGB ? Color.WHITE : null,
          null);
    } finally {
      graphics.dispose();
    }
    return scaled;
  }
}
