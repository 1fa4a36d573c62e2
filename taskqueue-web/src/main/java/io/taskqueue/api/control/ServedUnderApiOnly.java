package io.taskqueue.api.control;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a taskqueue resource: it answers under taskqueue's {@code /api} only ({@link
 * ForeignApplicationGuard}).
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target(TYPE)
public @interface ServedUnderApiOnly {}
