/** The Redis side of leases and cancel signals. */
package io.taskqueue.lease.boundary;
