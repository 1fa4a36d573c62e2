/** Exception mappers that turn every failure into a problem response, and the request limits. */
package io.taskqueue.api.control;
