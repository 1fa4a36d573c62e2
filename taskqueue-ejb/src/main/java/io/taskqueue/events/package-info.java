/**
 * Live events: every job, worker and queue state change as one small JSON message on Redis Pub/Sub,
 * published without ever holding up a worker, and relayed to this node's listeners.
 */
package io.taskqueue.events;
