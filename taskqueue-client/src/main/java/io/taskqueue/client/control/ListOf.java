package io.taskqueue.client.control;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

/** {@code List<T>} as a reflective type, for JSON-B to read a JSON array into. */
public record ListOf(Class<?> element) implements ParameterizedType {

  @Override
  public Type[] getActualTypeArguments() {
    return new Type[] {element};
  }

  @Override
  public Type getRawType() {
    return List.class;
  }

  @Override
  public Type getOwnerType() {
    return null;
  }
}
