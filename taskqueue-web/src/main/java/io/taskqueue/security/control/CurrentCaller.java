package io.taskqueue.security.control;

import io.taskqueue.security.entity.Caller;
import io.taskqueue.security.entity.SignIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The caller of the current request, for resources that act on its behalf. {@link RoleCheck} has
 * let only authenticated callers through, so {@link #get()} always has one there.
 */
@RequestScoped
public class CurrentCaller {

  @Inject HttpServletRequest request;

  public Caller get() {
    if (request.getAttribute(Callers.ATTRIBUTE) instanceof Caller caller) {
      return caller;
    }
    throw new IllegalStateException("no authenticated caller: is the method's role check missing?");
  }

  /** How the caller signed in; empty when its identity store did not say. */
  public Optional<SignIn> signIn() {
    return request.getAttribute(Callers.SIGN_IN) instanceof SignIn signIn
        ? Optional.of(signIn)
        : Optional.empty();
  }

  /** The peer address the request came from (a proxy's, behind one). */
  public String remoteAddress() {
    return request.getRemoteAddr();
  }
}
