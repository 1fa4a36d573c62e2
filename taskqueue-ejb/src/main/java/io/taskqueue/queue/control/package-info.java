/** Key names, script loading, and the Redis client built from configuration. */
package io.taskqueue.queue.control;
