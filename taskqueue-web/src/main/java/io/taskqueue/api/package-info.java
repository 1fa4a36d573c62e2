/**
 * The REST API's frame: JSON-B settings, request size limits, the guard that keeps taskqueue's
 * resources under {@code /api}, and problem responses ({@code application/problem+json}) for every
 * error.
 */
package io.taskqueue.api;
