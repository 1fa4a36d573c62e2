package io.taskqueue.launcher.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The bootstrap admin key of a local run: {@code TASKQUEUE_ADMIN_KEY} when set; else the one kept
 * in the data directory (readable by its owner only); else a new one, saved there and printed once.
 */
public final class AdminKey {

  public static final String VARIABLE = "TASKQUEUE_ADMIN_KEY";
  static final String FILE = "admin.key";

  private final String secret;
  private final boolean generated;
  private final Path file;

  private AdminKey(String secret, boolean generated, Path file) {
    this.secret = secret;
    this.generated = generated;
    this.file = file;
  }

  /** The key to run with; empty when the environment already gives one to Payara. */
  public static Optional<AdminKey> forLocalRun(Map<String, String> environment, Path dataDirectory)
      throws IOException {
    if (environment.getOrDefault(VARIABLE, "").isBlank()) {
      Path file = dataDirectory.resolve(FILE);
      if (Files.isRegularFile(file)) {
        return Optional.of(new AdminKey(Files.readString(file).strip(), false, file));
      }
      byte[] bytes = new byte[32];
      new SecureRandom().nextBytes(bytes);
      String secret = "tq_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      Files.createDirectories(dataDirectory);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, secret + "\n");
      return Optional.of(new AdminKey(secret, true, file));
    }
    return Optional.empty();
  }

  public String secret() {
    return secret;
  }

  /** What to tell the user: the secret itself only the first time. */
  public String announcement() {
    return generated
        ? "taskqueue: admin API key (shown once; kept in "
            + file
            + "):\n  "
            + secret
            + "\n  use it as: curl -H 'Authorization: Bearer "
            + secret
            + "' http://localhost:8080/api/me"
        : "taskqueue: admin API key in " + file + " (or set " + VARIABLE + ")";
  }
}
