/** Facades for API keys, the audit log and WebSocket tickets. */
package io.taskqueue.security.boundary;
