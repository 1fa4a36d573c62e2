/**
 * The REST API's frame: the JAX-RS application under {@code /api}, JSON-B settings, request size
 * limits, and problem responses ({@code application/problem+json}) for every error.
 */
package io.taskqueue.api;
