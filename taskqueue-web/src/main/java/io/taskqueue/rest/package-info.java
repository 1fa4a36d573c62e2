/**
 * The REST application itself: which resources and providers make up taskqueue's API under {@code
 * /api}. It depends on every feature and no feature depends on it.
 */
package io.taskqueue.rest;
