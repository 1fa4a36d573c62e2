package io.taskqueue.handlers.image.entity;

/**
 * What a resize leaves as the job's result.
 *
 * @param path where the result is, relative to the storage directory, with {@code /} separators
 * @param bytes the result's file size
 * @param width the result's width in pixels
 * @param height the result's height in pixels
 */
public record ResizedImage(String path, long bytes, int width, int height) {}
