package io.taskqueue.worker.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Stops this node's workers gracefully when the application stops. Payara Micro does not call
 * {@code @PreDestroy} on EJB singletons at shutdown (payara/Payara#4573), but it does tell the web
 * module that its context is destroyed.
 */
@WebListener
public class GracefulStop implements ServletContextListener {

  @Inject WorkerPool workers;

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    workers.stopGracefully();
  }
}
