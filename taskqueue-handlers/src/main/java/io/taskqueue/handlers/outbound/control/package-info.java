/**
 * What every handler that calls another host obeys: an allow-list of hosts, http and https only,
 * bounded reads and deadlines on the whole exchange, and one mapping from HTTP status to "retry",
 * "retry later" or "give up".
 */
package io.taskqueue.handlers.outbound.control;
