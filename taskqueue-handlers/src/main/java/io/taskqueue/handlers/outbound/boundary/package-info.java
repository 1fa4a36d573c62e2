/**
 * What every handler that calls another host uses, so that all obey the same rules: an allow-list
 * of hosts, http and https only, no redirects, one deadline and a bounded read for the whole
 * exchange, connections only to addresses the allow-list checked, and one mapping from HTTP status
 * to "retry", "retry later" or "give up".
 */
package io.taskqueue.handlers.outbound.boundary;
