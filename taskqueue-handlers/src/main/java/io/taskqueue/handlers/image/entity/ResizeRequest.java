package io.taskqueue.handlers.image.entity;

import java.net.URI;
import java.util.Optional;

/**
 * One resize, as read from a job's payload.
 *
 * @param path the source, relative to the storage directory; empty when {@code url} is given
 * @param url the source on an allowed host; empty when {@code path} is given
 * @param maxWidth the widest the result may be ({@link Integer#MAX_VALUE} when not limited)
 * @param maxHeight the tallest the result may be ({@link Integer#MAX_VALUE} when not limited)
 * @param format the result's format; empty for the source's (PNG unless the source is JPEG)
 * @param quality the JPEG quality, 0.0 to 1.0
 * @param upscale whether a source smaller than the box is enlarged to fill it
 * @param overwrite whether a file already at the result's name (not this job's) may be replaced
 */
public record ResizeRequest(
    Optional<String> path,
    Optional<URI> url,
    int maxWidth,
    int maxHeight,
    Optional<OutputFormat> format,
    float quality,
    boolean upscale,
    boolean overwrite) {}
