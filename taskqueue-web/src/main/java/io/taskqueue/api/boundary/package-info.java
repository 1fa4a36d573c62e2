/** The JAX-RS application and the providers every resource shares. */
package io.taskqueue.api.boundary;
