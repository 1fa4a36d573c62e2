/**
 * The Java client: {@link io.taskqueue.client.TaskQueueClient} and one class per area of the API,
 * with the exceptions a caller handles.
 */
package io.taskqueue.client;
