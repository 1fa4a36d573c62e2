/**
 * Ready-made job handlers, one feature package each ({@code webhook}, {@code email}, {@code
 * image}), plus {@code outbound}: the rules every handler that calls another host obeys. Every
 * handler is off unless {@code taskqueue.handlers.<name>.enabled} is true and its configuration is
 * complete.
 */
package io.taskqueue.handlers;
