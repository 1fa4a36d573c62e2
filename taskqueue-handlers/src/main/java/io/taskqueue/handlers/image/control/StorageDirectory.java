package io.taskqueue.handlers.image.control;

import io.taskqueue.NonRetryableException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one directory the image handler reads and writes. A job's path is resolved inside it and
 * refused if it leaves it, by {@code ..} or by a symbolic link: the check is made on the real path,
 * after every link is followed.
 */
public final class StorageDirectory {

  /** Where results of downloaded images go. */
  static final String REMOTE_DIR = "remote";

  private final Path root;

  /**
   * The storage directory.
   *
   * @param directory the configured directory
   * @throws IllegalArgumentException when it is not an existing directory
   */
  public StorageDirectory(Path directory) {
    try {
      this.root = directory.toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "taskqueue.handlers.image.storage-dir '" + directory + "' does not exist");
    }
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException(
          "taskqueue.handlers.image.storage-dir '" + directory + "' is not a directory");
    }
  }

  /**
   * The real path of an existing regular file inside the directory.
   *
   * @param relative the path as the job gave it
   * @return its real path, inside the directory
   * @throws NonRetryableException when the path is absolute, leaves the directory, or names no
   *     regular file
   * @throws IOException when the file system fails
   */
  public Path existingFile(String relative) throws NonRetryableException, IOException {
    Path path;
    try {
      path = root.getFileSystem().getPath(relative);
    } catch (InvalidPathException e) {
      throw new NonRetryableException("not a valid path: " + e.getMessage());
    }
    if (relative.isBlank() || path.isAbsolute()) {
      throw new NonRetryableException("path must be relative to the storage directory");
    }
    Path candidate = root.resolve(path).normalize();
    if (!candidate.startsWith(root)) {
      throw new NonRetryableException("path leaves the storage directory: '" + relative + "'");
    }
    Path real;
    try {
      real = candidate.toRealPath();
    } catch (NoSuchFileException e) {
      throw new NonRetryableException("no such image: '" + relative + "'");
    }
    if (!real.startsWith(root)) {
      throw new NonRetryableException(
          "path links out of the storage directory: '" + relative + "'");
    }
    if (!Files.isRegularFile(real)) {
      throw new NonRetryableException("not a file: '" + relative + "'");
    }
    return real;
  }

  /**
   * The directory for results of downloaded images, created when missing.
   *
   * @return {@code <storage>/remote}
   * @throws IOException when it cannot be created
   */
  public Path remoteDirectory() throws IOException {
    Path remote = root.resolve(REMOTE_DIR);
    Files.createDirectories(remote);
    Path real = remote.toRealPath();
    if (!real.startsWith(root)) {
      throw new IOException("'" + REMOTE_DIR + "' links out of the storage directory");
    }
    return real;
  }

  /**
   * A path inside the directory as a job's result names it.
   *
   * @param inside a path inside the directory
   * @return the path relative to the directory, with {@code /} separators
   */
  public String relative(Path inside) {
    return root.relativize(inside).toString().replace(File.separatorChar, '/');
  }
}
