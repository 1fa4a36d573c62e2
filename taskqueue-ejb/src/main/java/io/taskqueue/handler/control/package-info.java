/** The registry of handlers by type, and the built-in handlers: noop, echo, sleep and fail. */
package io.taskqueue.handler.control;
