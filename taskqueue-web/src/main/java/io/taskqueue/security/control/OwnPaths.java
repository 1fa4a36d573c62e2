package io.taskqueue.security.control;

import io.taskqueue.console.control.ConsolePath;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Which requests of a WAR are taskqueue's. taskqueue may be laid over an application's own WAR; its
 * sign-in, its security headers and its error answers then apply to its own paths only, and the
 * application's mechanism, headers and mappers keep the rest.
 *
 * <ul>
 *   <li>its REST API ({@code /api/}) and event feed ({@code /ws/});
 *   <li>the console's files: {@code /}, {@code /index.html} and {@code /assets/}, or everything
 *       under {@code taskqueue.console.path} when it names a sub-path ({@link ConsolePath});
 *   <li>Payara's own endpoints ({@code /health}, {@code /metrics}, {@code /openapi}), which pass
 *       through the application's sign-in on Payara Micro when it is deployed at the root: they
 *       must stay answerable to probes and scrapers, whatever the application demands elsewhere.
 * </ul>
 */
public final class OwnPaths {

  private OwnPaths() {}

  /** The path within the application, without its context root. */
  public static String of(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** The REST API or the event feed. */
  public static boolean isApiOrFeed(String path) {
    return path.startsWith("/api/") || path.startsWith("/ws/");
  }

  /** The console's files, wherever {@code taskqueue.console.path} puts them. */
  public static boolean isConsole(HttpServletRequest request) {
    return ConsolePath.of(request.getServletContext()).contains(of(request));
  }

  /** The API, the feed or the console: what taskqueue answers and signs in for. */
  public static boolean isServedByTaskqueue(HttpServletRequest request) {
    return isApiOrFeed(of(request)) || isConsole(request);
  }

  /** Payara's health, metrics and OpenAPI endpoints. */
  public static boolean isServerEndpoint(String path) {
    return isUnder(path, "/health") || isUnder(path, "/metrics") || isUnder(path, "/openapi");
  }

  private static boolean isUnder(String path, String root) {
    return path.equals(root) || path.startsWith(root + "/");
  }
}
