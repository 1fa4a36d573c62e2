package io.taskqueue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a {@link TypedJobHandler}'s payload type from its class: the argument its class, a
 * superclass or an interface gives {@code TypedJobHandler}, with the type variables of generic
 * superclasses bound as subclasses bind them. Container proxies and subclasses are walked through.
 */
final class PayloadTypes {

  private PayloadTypes() {}

  static Type of(Class<?> handlerClass) {
    Map<TypeVariable<?>, Type> bound = new HashMap<>();
    for (Class<?> type = handlerClass; type != null; type = type.getSuperclass()) {
      for (Type implemented : type.getGenericInterfaces()) {
        Type found = search(implemented, bound);
        if (found != null) {
          return requireClosed(found, handlerClass);
        }
      }
      bind(type.getGenericSuperclass(), bound);
    }
    throw new IllegalStateException(handlerClass.getName() + " does not implement TypedJobHandler");
  }

  /** The payload type, when {@code type} is or extends {@code TypedJobHandler}; else null. */
  private static Type search(Type type, Map<TypeVariable<?>, Type> bound) {
    Class<?> raw =
        type instanceof ParameterizedType parameterized
            ? (Class<?>) parameterized.getRawType()
            : type instanceof Class<?> plain ? plain : null;
    if (raw == null || !TypedJobHandler.class.isAssignableFrom(raw)) {
      return null;
    }
    if (raw == TypedJobHandler.class) {
      return type instanceof ParameterizedType parameterized
          ? resolve(parameterized.getActualTypeArguments()[0], bound)
          : null;
    }
    bind(type, bound);
    for (Type implemented : raw.getGenericInterfaces()) {
      Type found = search(implemented, bound);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static void bind(Type type, Map<TypeVariable<?>, Type> bound) {
    if (type instanceof ParameterizedType parameterized) {
      TypeVariable<?>[] variables = ((Class<?>) parameterized.getRawType()).getTypeParameters();
      Type[] arguments = parameterized.getActualTypeArguments();
      for (int i = 0; i < variables.length; i++) {
        bound.put(variables[i], resolve(arguments[i], bound));
      }
    }
  }

  private static Type resolve(Type type, Map<TypeVariable<?>, Type> bound) {
    Type resolved = type;
    while (resolved instanceof TypeVariable<?> variable && bound.containsKey(variable)) {
      resolved = bound.get(variable);
    }
    return resolved;
  }

  /** {@code type} unless a type variable is left in it, which JSON-B could not map to. */
  private static Type requireClosed(Type type, Class<?> handlerClass) {
    if (isOpen(type)) {
      throw new IllegalStateException(
          handlerClass.getName()
              + " leaves its payload type open ("
              + type.getTypeName()
              + "): name it in the class, or override payloadType() with a PayloadType");
    }
    return type;
  }

  private static boolean isOpen(Type type) {
    if (type instanceof TypeVariable<?>) {
      return true;
    }
    if (type instanceof ParameterizedType parameterized) {
      for (Type argument : parameterized.getActualTypeArguments()) {
        if (isOpen(argument)) {
          return true;
        }
      }
    }
    return !(type instanceof Class<?> || type instanceof ParameterizedType);
  }
}
