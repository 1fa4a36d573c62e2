package io.taskqueue.handlers.image.control;

import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.image.entity.OutputFormat;
import io.taskqueue.handlers.image.entity.Size;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes a source image no larger than it must be:
 *
 * <ol>
 *   <li>refuses a file over the byte limit;
 *   <li>reads width and height from the header alone and refuses an image over the pixel limit,
 *       before a single pixel is decoded: a small file that claims 100,000 by 100,000 pixels (a
 *       decompression bomb) costs a few bytes of reading;
 *   <li>decodes with subsampling when the source is far larger than the result.
 * </ol>
 *
 * <p>The file is read through a file-backed stream, so ImageIO's cache (a temporary file or memory,
 * global to the JVM) is never involved; reader and stream are always released.
 */
final class BoundedImageReader {

  /** A decoded source: its pixels (maybe subsampled), its format, and the size to scale to. */
  record Decoded(BufferedImage image, OutputFormat sourceFormat, Size target) {}

  /** How the result's size follows from the source's. */
  @FunctionalInterface
  interface Fitting {
    Size fit(Size source) throws NonRetryableException;
  }

  private final long maxPixels;
  private final long maxBytes;

  BoundedImageReader(long maxPixels, long maxBytes) {
    this.maxPixels = maxPixels;
    this.maxBytes = maxBytes;
  }

  /**
   * Decodes {@code file}, which is opened without following links: a link swapped in after the path
   * was checked is refused, not read.
   */
  Decoded read(Path file, Fitting fitting) throws NonRetryableException, IOException {
    BasicFileAttributes attributes =
        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isRegularFile()) {
      throw new NonRetryableException("not a regular file (a link?): " + file.getFileName());
    }
    if (attributes.size() > maxBytes) {
      throw new NonRetryableException("image is larger than " + maxBytes + " bytes");
    }
    try (InputStream bytes =
            Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        ImageInputStream in = ImageIO.createImageInputStream(bytes)) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new NonRetryableException("not an image format this server reads");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        Size source = new Size(reader.getWidth(0), reader.getHeight(0));
        if (source.pixels() > maxPixels) {
          throw new NonRetryableException(
              "image is " + source + " = " + source.pixels() + " pixels, over " + maxPixels);
        }
        Size target = fitting.fit(source);
        if (target.pixels() > maxPixels) {
          throw new NonRetryableException("result would be over " + maxPixels + " pixels");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = ImageScaling.subsampling(source, target);
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage image = reader.read(0, param);
        return new Decoded(
            image, OutputFormat.named(reader.getFormatName()).orElse(OutputFormat.PNG), target);
      } catch (IIOException broken) {
        throw new NonRetryableException("cannot decode the image: " + broken.getMessage(), broken);
      } finally {
        reader.dispose();
      }
    }
  }
}
