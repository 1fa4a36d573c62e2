/** {@link io.taskqueue.queue.boundary.DispatchQueue}: what the engine asks of Redis. */
package io.taskqueue.queue.boundary;
