/**
 * Finds the deployment's handlers: every CDI bean that implements {@link io.taskqueue.JobHandler},
 * in whichever module of the application it sits ({@code control.HandlerBeans} collects them as the
 * container discovers them). Built-in handlers (noop, echo, and the diagnostic sleep and fail) live
 * in {@code control}.
 */
package io.taskqueue.handler;
