/** Roles, callers, API keys as the API shows them, and audit records. */
package io.taskqueue.security.entity;
