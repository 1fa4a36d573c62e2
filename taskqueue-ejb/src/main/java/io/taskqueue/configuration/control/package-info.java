/** How start-up waits for what it needs: a step retried with backoff until it succeeds. */
package io.taskqueue.configuration.control;
