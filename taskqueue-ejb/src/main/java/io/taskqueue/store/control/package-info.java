/** The Redis connection, keys and scripts; JSON text; store error counts. */
package io.taskqueue.store.control;
