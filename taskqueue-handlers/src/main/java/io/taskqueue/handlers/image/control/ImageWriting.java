package io.taskqueue.handlers.image.control;

import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.image.entity.OutputFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes a result atomically: encoded into a temporary file beside the target, then linked to the
 * target's name, which fails when something is there already, or renamed over it when the job asked
 * to overwrite. Readers never see half a file, and a symbolic link at the target's name is never
 * followed. A file that is already there with the very bytes encoded is this job's own result from
 * an earlier attempt: the retry succeeds without touching it.
 */
final class ImageWriting {

  private ImageWriting() {}

  /**
   * Writes {@code image} to {@code target} and returns the file's size.
   *
   * @throws NonRetryableException when another file is at {@code target} and {@code overwrite} is
   *     false
   */
  static long write(
      BufferedImage image, OutputFormat format, float quality, Path target, boolean overwrite)
      throws IOException, NonRetryableException {
    Path temporary = Files.createTempFile(target.getParent(), ".resize-", ".tmp");
    try {
      encode(image, format, quality, temporary);
      if (overwrite) {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        try {
          Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException taken) {
          if (Files.isSymbolicLink(target)
              || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
              || Files.mismatch(temporary, target) != -1) {
            throw new NonRetryableException(
                "'"
                    + target.getFileName()
                    + "' exists and is not this job's result; pass \"overwrite\": true to"
                    + " replace it");
          }
        }
      }
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
