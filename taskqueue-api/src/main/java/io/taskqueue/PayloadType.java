package io.taskqueue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * A type token: the full type of a payload, generic arguments included, which a {@code Class}
 * cannot name. Make one as an anonymous subclass, {@code new PayloadType<List<Order>>() {}}, and
 * pass it to {@link JobContext#payload(Type)} or return its {@link #type()} from {@link
 * TypedJobHandler#payloadType()}. A {@link TypedJobHandler} whose class names its payload type
 * needs none.
 *
 * @param <T> the payload's type
 */
public abstract class PayloadType<T> {

  private final Type type;

  /** Captures the type argument of the anonymous subclass. */
  protected PayloadType() {
    if (!(getClass().getGenericSuperclass() instanceof ParameterizedType token)) {
      throw new IllegalStateException(
          "make a PayloadType as an anonymous subclass with its type argument: "
              + "new PayloadType<List<Order>>() {}");
    }
    this.type = token.getActualTypeArguments()[0];
  }

  /**
   * The captured type.
   *
   * @return the payload's type, generic arguments included
   */
  public Type type() {
    return type;
  }
}
