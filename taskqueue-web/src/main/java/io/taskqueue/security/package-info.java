/**
 * Authentication (API keys, MicroProfile JWT, WebSocket tickets) with Jakarta Security, role checks
 * on every resource, hostile-input defences and the keys, me, audit and ticket resources.
 */
package io.taskqueue.security;
