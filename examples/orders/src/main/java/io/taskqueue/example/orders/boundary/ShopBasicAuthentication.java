package io.taskqueue.example.orders.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shop's own sign-in: HTTP Basic against one user from configuration ({@code
 * example.shop.user}, {@code example.shop.password}), who may place orders. A real shop signs its
 * users in its own way; taskqueue's keys sign in to taskqueue's paths only.
 *
 * <p>In the single WAR, taskqueue sets this bean aside and hands it every request outside its own
 * paths ({@code /api/}, {@code /ws/}, the console's files); in an EAR, it is the shop module's own.
 * A bean rather than {@code @BasicAuthenticationMechanismDefinition}: that annotation makes a
 * mechanism the container creates, which would clash with taskqueue's in the single WAR and, in an
 * EAR, be seen by every module.
 */
@ApplicationScoped
public class ShopBasicAuthentication implements HttpAuthenticationMechanism {

  @Inject
  @ConfigProperty(name = "example.shop.user")
  String user;

  @Inject
  @ConfigProperty(name = "example.shop.password")
  String password;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String header = request.getHeader("Authorization");
    if (header != null && header.startsWith("Basic ") && matches(header.substring(6).trim())) {
      return context.notifyContainerAboutLogin(user, Set.of("submitter"));
    }
    // Everything that reaches this mechanism is the shop's API: no credentials, no answer.
    response.setHeader("WWW-Authenticate", "Basic realm=\"shop\"");
    return context.responseUnauthorized();
  }

  private boolean matches(String encoded) {
    byte[] given;
    try {
      given = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      return false;
    }
    byte[] expected = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, expected);
  }
}
