/** Making API key secrets and hashing them. */
package io.taskqueue.security.control;
