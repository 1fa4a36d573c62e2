package io.taskqueue.security.control;

import io.taskqueue.security.entity.SignIn;
import jakarta.security.enterprise.CallerPrincipal;

/**
 * The caller principal our identity stores return: its name, and how it signed in. The identity
 * store handler passes the principal through unchanged, which is how {@link BearerAuthentication}
 * learns which key or token to re-check for the lifetime of a WebSocket.
 */
public class SignInPrincipal extends CallerPrincipal {

  private final transient SignIn signIn;

  public SignInPrincipal(String name, SignIn signIn) {
    super(name);
    this.signIn = signIn;
  }

  public SignIn signIn() {
    return signIn;
  }
}
