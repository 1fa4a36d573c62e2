/** The JAX-RS application, {@code TaskqueueApi}. */
package io.taskqueue.rest.boundary;
