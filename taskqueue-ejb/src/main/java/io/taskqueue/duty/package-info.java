/**
 * Background duties that run on every node on a fixed delay, each a small named task on a thread of
 * its own (promote due jobs, renew and recover leases, reconcile Redis with PostgreSQL, stop
 * cancelled and overdue attempts, the node heartbeat, statistics). All are safe on many nodes at
 * once, and none that throws, even an {@code Error}, stops being scheduled ({@code GuardedDuty}).
 */
package io.taskqueue.duty;
