/**
 * Leases: what a node holds of the jobs it claimed. Their renewal (the heartbeat), recovery of
 * expired ones, and cancel signals, which name the lease of the attempt they stop. Every step is
 * fenced by the lease id.
 */
package io.taskqueue.lease;
