/** Publishing to and subscribing from the Redis events channel. */
package io.taskqueue.events.control;
