/** {@link io.taskqueue.queue.boundary.QueuesResource}: {@code /api/queues}. */
package io.taskqueue.queue.boundary;
