/**
 * Who may do what: API keys (hashed in PostgreSQL), roles and what each implies, WebSocket tickets
 * and the audit log of operator and admin actions. Authentication itself is in the web module.
 */
package io.taskqueue.security;
