/**
 * The benchmark harness: drives a running taskqueue through its HTTP API with fixed workloads and
 * samples what the server, PostgreSQL and Redis spend on them, so that speed-ups can be measured
 * rather than guessed.
 */
package io.taskqueue.bench;
