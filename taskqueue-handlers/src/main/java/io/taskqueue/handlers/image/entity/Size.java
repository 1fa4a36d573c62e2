package io.taskqueue.handlers.image.entity;

/**
 * An image's width and height in pixels.
 *
 * @param width the width
 * @param height the height
 */
public record Size(int width, int height) {

  /**
   * How many pixels the image has, without overflow.
   *
   * @return width times height
   */
  public long pixels() {
    return (long) width * height;
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }
}
