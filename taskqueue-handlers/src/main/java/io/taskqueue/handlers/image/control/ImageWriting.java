package io.taskqueue.handlers.image.control;

import io.taskqueue.handlers.image.entity.OutputFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes a result atomically: encoded into a temporary file beside the target, then renamed over
 * it. Readers never see half a file, a retry simply replaces the result, and a symbolic link
 * planted at the target's name is replaced, not followed.
 */
final class ImageWriting {

  private ImageWriting() {}

  /** Writes {@code image} to {@code target} and returns the file's size. */
  static long write(BufferedImage image, OutputFormat format, float quality, Path target)
      throws IOException {
    Path temporary = Files.createTempFile(target.getParent(), ".resize-", ".tmp");
    try {
      encode(image, format, quality, temporary);
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return Files.size(target);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void encode(BufferedImage image, OutputFormat format, float quality, Path file)
      throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName(format.imageIoName()).next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (format == OutputFormat.JPEG) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }
}
