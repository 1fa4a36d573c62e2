/** How {@code outbound} connects: name resolution that checks every address it hands out. */
package io.taskqueue.handlers.outbound.control;
