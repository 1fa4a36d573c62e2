/** {@code /api/keys}, {@code /api/me}, {@code /api/audit} and {@code /api/ws-ticket}. */
package io.taskqueue.security.boundary;
