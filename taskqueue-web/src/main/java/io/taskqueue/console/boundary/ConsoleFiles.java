package io.taskqueue.console.boundary;

import io.taskqueue.console.control.ConsolePath;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Serves the console's files from {@value #DIRECTORY}, at the path the console is configured at.
 * They live under {@code WEB-INF} so that an application taskqueue is laid over keeps its own
 * {@code index.html} and {@code assets/} at its root, and nothing reaches them but this servlet.
 *
 * <p>The page names the application's root in {@code <meta name="taskqueue-root">}: the console
 * calls {@code <root>/api} and {@code <root>/ws} from wherever it is served.
 */
public class ConsoleFiles extends HttpServlet {

  static final String DIRECTORY = "/WEB-INF/console/";

  /** What the built page carries in place of the application's root. */
  static final String ROOT_PLACEHOLDER = "__TASKQUEUE_ROOT__";

  private final transient ConsolePath consolePath;
  private volatile String page;

  ConsoleFiles(ConsolePath consolePath) {
    this.consolePath = consolePath;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (!consolePath.isRoot() && path.equals(consolePath.value())) {
      // Its scripts are named relative to the page: the page's URL must end with a slash.
      response.sendRedirect(request.getContextPath() + consolePath.value() + "/");
      return;
    }
    Optional<String> file = consolePath.file(path);
    if (file.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    } else if (file.get().equals("index.html")) {
      byte[] body =
          page()
              .replace(ROOT_PLACEHOLDER, escaped(request.getContextPath()))
              .getBytes(StandardCharsets.UTF_8);
      response.setContentType("text/html;charset=UTF-8");
      response.setHeader("Cache-Control", "no-cache");
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    } else {
      serveAsset(file.get(), response);
    }
  }

  private void serveAsset(String name, HttpServletResponse response) throws IOException {
    try (InputStream in = getServletContext().getResourceAsStream(DIRECTORY + name)) {
      if (in == null) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      String type = getServletContext().getMimeType(name);
      response.setContentType(type == null ? "application/octet-stream" : type);
      // Each build names its scripts and styles by their content: a name never changes meaning.
      response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
      in.transferTo(response.getOutputStream());
    }
  }

  private String page() {
    String loaded = page;
    if (loaded == null) {
      try (InputStream in = getServletContext().getResourceAsStream(DIRECTORY + "index.html")) {
        if (in == null) {
          throw new IllegalStateException("the console is not in this WAR (" + DIRECTORY + ")");
        }
        loaded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      page = loaded;
    }
    return loaded;
  }

  private static String escaped(String text) {
    return text.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}
