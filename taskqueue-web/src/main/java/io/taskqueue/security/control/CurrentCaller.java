package io.taskqueue.security.control;

import io.taskqueue.security.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

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

  /** The peer address the request came from (a proxy's, behind one). */
  public String remoteAddress() {
    return request.getRemoteAddr();
  }
}
