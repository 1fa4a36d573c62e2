/**
 * The randomized chaos soak (issue 13): nodes, PostgreSQL and Redis that the soak owns so it can
 * kill and restart them, a seeded driver of submissions, faults and operator storms, and the
 * invariant check and report at the end. Run it with {@code -Dchaos.seconds=N}; see the README.
 */
package io.taskqueue.faults.chaos;
