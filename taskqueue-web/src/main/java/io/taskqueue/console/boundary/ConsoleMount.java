package io.taskqueue.console.boundary;

import io.taskqueue.console.control.ConsolePath;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registers {@link ConsoleFiles} at {@code taskqueue.console.path} when the application starts, and
 * leaves the path in the servlet context for the filters that tell taskqueue's paths from the
 * application's ({@code OwnPaths}). A path that is not one, or one of taskqueue's or the server's,
 * fails the deployment with the key's name.
 */
@WebListener
public class ConsoleMount implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(ConsoleMount.class.getName());

  @Inject
  @ConfigProperty(name = ConsolePath.KEY, defaultValue = "/")
  String configured;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ConsolePath path = ConsolePath.parse(configured);
    ServletContext context = event.getServletContext();
    ServletRegistration.Dynamic servlet =
        context.addServlet("taskqueue-console", new ConsoleFiles(path));
    Set<String> taken = servlet.addMapping(path.mappings().toArray(String[]::new));
    if (!taken.isEmpty()) {
      throw new IllegalStateException(
          ConsolePath.KEY + " " + path.value() + ": the application maps " + taken + " itself");
    }
    context.setAttribute(ConsolePath.ATTRIBUTE, path);
    LOG.info(() -> "Console at " + context.getContextPath() + path.value());
  }
}
