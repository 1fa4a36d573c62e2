/** Values the dispatch queue hands out: claims (with their lease) and queue depths. */
package io.taskqueue.queue.entity;
