/** The JSON document of the queues API. */
package io.taskqueue.queue.entity;
