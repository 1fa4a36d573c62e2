package io.taskqueue.handlers.image.entity;

import java.util.Locale;
import java.util.Optional;

/** The formats a resized image can be written in. */
public enum OutputFormat {
  /** Lossy, no transparency (transparent pixels become white); honours {@code quality}. */
  JPEG("jpeg", "jpg"),
  /** Lossless, keeps transparency. */
  PNG("png", "png");

  private final String imageIoName;
  private final String extension;

  OutputFormat(String imageIoName, String extension) {
    this.imageIoName = imageIoName;
    this.extension = extension;
  }

  /**
   * The name ImageIO knows the writer by.
   *
   * @return the format name
   */
  public String imageIoName() {
    return imageIoName;
  }

  /**
   * The file name extension of results.
   *
   * @return the extension, without the dot
   */
  public String extension() {
    return extension;
  }

  /**
   * The format a name stands for: {@code jpeg}, {@code jpg} or {@code png}, any case.
   *
   * @param name a format name from a payload or an ImageIO reader
   * @return the format, or empty for any other name
   */
  public static Optional<OutputFormat> named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "jpeg", "jpg" -> Optional.of(JPEG);
      case "png" -> Optional.of(PNG);
      default -> Optional.empty();
    };
  }
}
