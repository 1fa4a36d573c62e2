/**
 * Workers: per node, one claimer thread that leases jobs in batches and starts them, worker threads
 * (from the container's ManagedThreadFactory) that run their handlers, and one writer that records
 * successes before their leases end; hand-back returns held jobs when the node stops.
 */
package io.taskqueue.worker;
