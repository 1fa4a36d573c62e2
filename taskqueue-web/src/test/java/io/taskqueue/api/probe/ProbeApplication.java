package io.taskqueue.api.probe;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The test's own REST application, beside taskqueue's, as an application's would be. */
@ApplicationPath("probe")
public class ProbeApplication extends Application {
  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(JavaApiProbe.class);
  }
}
