package io.taskqueue.handlers.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images made for tests: real encoded files, and a PNG header that lies about its size. */
public final class TestImages {

  private TestImages() {}

  /**
   * A {@code width} x {@code height} image, red on the left half and blue on the right, with seeded
   * noise so that JPEG quality makes a difference; written in {@code format}.
   */
  public static Path write(Path file, int width, int height, String format) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setColor(Color.RED);
      graphics.fillRect(0, 0, width / 2, height);
      graphics.setColor(Color.BLUE);
      graphics.fillRect(width / 2, 0, width - width / 2, height);
    } finally {
      graphics.dispose();
    }
    Random noise = new Random(width * 31L + height);
    for (int i = 0; i < width * height / 8; i++) {
      int x = noise.nextInt(width);
      int y = noise.nextInt(height);
      int rgb = image.getRGB(x, y);
      image.setRGB(x, y, rgb ^ (noise.nextInt(64) << 8));
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!ImageIO.write(image, format, file.toFile())) {
      throw new IOException("no writer for " + format);
    }
    return file;
  }

  /** The bytes of an image file in {@code format}. */
  public static byte[] bytes(int width, int height, String format) throws IOException {
    Path file = Files.createTempFile("test-image", "." + format);
    try {
      return Files.readAllBytes(write(file, width, height, format));
    } finally {
      Files.delete(file);
    }
  }

  /**
   * A valid PNG signature and header claiming {@code width} x {@code height} RGB pixels, followed
   * by no pixel data at all: decoding it would allocate the whole claimed image first.
   */
  public static byte[] pngHeaderClaiming(int width, int height) throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(png);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    DataOutputStream ihdr = new DataOutputStream(header);
    ihdr.writeInt(width);
    ihdr.writeInt(height);
    ihdr.write(new byte[] {8, 2, 0, 0, 0}); // 8 bits, RGB, deflate, no filter, no interlace
    chunk(out, "IHDR", header.toByteArray());
    chunk(out, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(data.length);
    out.write(name);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }
}
