package io.taskqueue.security.control;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Strict headers on every answer of taskqueue's own paths (the console may load only its own
 * scripts, styles and connections, and may not be framed; API answers are not cached), and CORS
 * only for the origins {@code taskqueue.cors.allowed-origins} names: none by default, so browsers
 * on other sites cannot call the API. The pages of an application taskqueue is laid over ({@link
 * OwnPaths}) keep the headers that application sets.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  // Optional<List<String>> is not supported by Payara's MicroProfile Config: split it here.
  @Inject
  @ConfigProperty(name = "taskqueue.cors.allowed-origins")
  Optional<String> allowedOrigins;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!OwnPaths.isServedByTaskqueue(request)) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    if (OwnPaths.of(request).startsWith("/api/")) {
      response.setHeader("Cache-Control", "no-store");
    }
    String origin = request.getHeader("Origin");
    if (origin != null
        && allowedOrigins
            .map(list -> List.of(list.split("\\s*,\\s*")).contains(origin))
            .orElse(false)) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.setHeader("Vary", "Origin");
      response.setHeader("Access-Control-Expose-Headers", "Location, Retry-After");
      if ("OPTIONS".equals(request.getMethod())
          && request.getHeader("Access-Control-Request-Method") != null) {
        response.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE");
        response.setHeader(
            "Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key");
        response.setHeader("Access-Control-Max-Age", "600");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
