/** The jobs API: submit one or a batch, read one, list with filters and keyset pagination. */
package io.taskqueue.job;
