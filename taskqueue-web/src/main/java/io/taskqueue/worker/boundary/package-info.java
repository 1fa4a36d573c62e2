/** {@link io.taskqueue.worker.boundary.GracefulStop}: hands running jobs back at shutdown. */
package io.taskqueue.worker.boundary;
