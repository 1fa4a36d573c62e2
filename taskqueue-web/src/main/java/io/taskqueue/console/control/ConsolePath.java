package io.taskqueue.console.control;

import jakarta.servlet.ServletContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the console is served within the application ({@code taskqueue.console.path}): at its root
 * ({@code /}, the default: the page at {@code /} and {@code /index.html}, its scripts under {@code
 * /assets/}) or under a sub-path such as {@code /admin/jobs}, which leaves the root to an
 * application taskqueue is laid over.
 */
public record ConsolePath(String value) {

  /** The configuration key. */
  public static final String KEY = "taskqueue.console.path";

  /** The servlet context attribute that holds the application's console path. */
  public static final String ATTRIBUTE = ConsolePath.class.getName();

  /** The console at the application's root. */
  public static final ConsolePath ROOT = new ConsolePath("/");

  private static final Pattern SEGMENTS = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
  private static final Pattern FILE = Pattern.compile("(index\\.html|assets/[A-Za-z0-9._-]+)");
  private static final List<String> TAKEN =
      List.of("/api", "/ws", "/health", "/metrics", "/openapi", "/web-inf", "/meta-inf");

  /**
   * The configured path: {@code /}, or segments of letters, digits and {@code . _ ~ -} (a trailing
   * {@code /} is dropped). Refuses, naming the key, anything else and the paths taskqueue and the
   * server answer themselves.
   */
  public static ConsolePath parse(String configured) {
    String path = configured == null ? "/" : configured.strip();
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.equals("/")) {
      return ROOT;
    }
    if (!SEGMENTS.matcher(path).matches()
        || List.of(path.split("/")).stream().anyMatch(s -> s.equals(".") || s.equals(".."))) {
      throw new IllegalArgumentException(
          KEY + " must be / or a path such as /admin/jobs, not \"" + configured + "\"");
    }
    String lower = path.toLowerCase(Locale.ROOT);
    for (String taken : TAKEN) {
      if (lower.equals(taken) || lower.startsWith(taken + "/")) {
        throw new IllegalArgumentException(
            KEY + " may not be under " + taken + ", which taskqueue or the server answers");
      }
    }
    return new ConsolePath(path);
  }

  /** The console path of the application {@code context} belongs to; the root until it is set. */
  public static ConsolePath of(ServletContext context) {
    return context.getAttribute(ATTRIBUTE) instanceof ConsolePath path ? path : ROOT;
  }

  public boolean isRoot() {
    return value.equals("/");
  }

  /** The servlet mappings that reach the console's files. */
  public List<String> mappings() {
    return isRoot() ? List.of("", "/index.html", "/assets/*") : List.of(value, value + "/*");
  }

  /** Whether {@code path} (within the application) is one of the console's. */
  public boolean contains(String path) {
    if (isRoot()) {
      return path.isEmpty()
          || path.equals("/")
          || path.equals("/index.html")
          || path.startsWith("/assets/");
    }
    return path.equals(value) || path.startsWith(value + "/");
  }

  /**
   * The console file {@code path} (decoded, within the application) names, relative to the
   * console's directory: {@code index.html} for the console's own root, {@code assets/…} for its
   * scripts and styles; empty for anything else, {@code ..} included.
   */
  public Optional<String> file(String path) {
    String prefix = isRoot() ? "" : value;
    if (!path.startsWith(prefix)) {
      return Optional.empty();
    }
    String rest = path.substring(prefix.length());
    if (rest.isEmpty() || rest.equals("/")) {
      return Optional.of("index.html");
    }
    String name = rest.substring(1);
    return rest.startsWith("/") && FILE.matcher(name).matches() && !name.contains("..")
        ? Optional.of(name)
        : Optional.empty();
  }
}
