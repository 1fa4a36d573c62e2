/** {@link io.taskqueue.worker.boundary.WorkerPool}: starts and stops this node's workers. */
package io.taskqueue.worker.boundary;
