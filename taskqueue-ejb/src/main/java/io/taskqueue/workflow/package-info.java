/**
 * Job dependencies: workflows submitted as one set of jobs that name their parents, jobs that wait
 * (status WAITING) until every parent completed, and what a child does when a parent fails.
 */
package io.taskqueue.workflow;
