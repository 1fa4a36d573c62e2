/** The image handler's values: its settings, one resize request, sizes, and the job's result. */
package io.taskqueue.handlers.image.entity;
