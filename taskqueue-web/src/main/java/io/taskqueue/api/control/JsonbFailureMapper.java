package io.taskqueue.api.control;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Some JSON-B failures reach the application unwrapped; they are bad requests too. */
public class JsonbFailureMapper implements ExceptionMapper<JsonbException> {

  @Override
  public Response toResponse(JsonbException e) {
    return MalformedJsonMapper.responseFor(e);
  }
}
