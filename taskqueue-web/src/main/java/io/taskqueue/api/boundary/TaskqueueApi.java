package io.taskqueue.api.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, under {@code /api}. Resources and providers are found by scanning. */
@ApplicationPath("api")
public class TaskqueueApi extends Application {}
