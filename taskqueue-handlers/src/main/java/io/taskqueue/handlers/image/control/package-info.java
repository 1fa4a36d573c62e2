/**
 * Resizes one image with flat memory: finds it inside the storage directory (or downloads it from
 * an allowed host), reads its size from the header and refuses decompression bombs before decoding,
 * decodes subsampled, scales in halving steps and writes the result atomically.
 */
package io.taskqueue.handlers.image.control;
