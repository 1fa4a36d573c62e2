package io.taskqueue.api.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * JSON-B for the API: an unknown field in a request is an error (a typo must not be silently
 * dropped), and absent values are left out of responses.
 */
public class JsonbSettings implements ContextResolver<Jsonb> {

  private final Jsonb jsonb =
      JsonbBuilder.create(
          new JsonbConfig()
              .withNullValues(false)
              .setProperty("jsonb.fail-on-unknown-properties", true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}
