/** The JSON documents of the jobs API. */
package io.taskqueue.job.entity;
