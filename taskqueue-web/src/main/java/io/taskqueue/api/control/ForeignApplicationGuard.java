package io.taskqueue.api.control;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotFoundException;

/**
 * Keeps taskqueue's resources to taskqueue's API. An application that has taskqueue laid over its
 * WAR and finds its JAX-RS classes by scanning (an {@code Application} without {@code
 * getClasses()}) also publishes taskqueue's resources under its own path, where none of taskqueue's
 * role checks run and the application's callers and roles apply. There they answer 404 and do
 * nothing.
 */
@ServedUnderApiOnly
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class ForeignApplicationGuard {

  /** The servlet path of {@code TaskqueueApi}'s {@code @ApplicationPath("api")}. */
  static final String API_SERVLET_PATH = "/api";

  @Inject HttpServletRequest request;

  @AroundInvoke
  Object onlyUnderTheApi(InvocationContext invocation) throws Exception {
    if (!API_SERVLET_PATH.equals(request.getServletPath())) {
      throw new NotFoundException();
    }
    return invocation.proceed();
  }
}
