/** The retention ages and what a round removed. */
package io.taskqueue.retention.entity;
