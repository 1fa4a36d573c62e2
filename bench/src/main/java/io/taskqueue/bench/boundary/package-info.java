/** The command line: options, wiring, and the exit code. */
package io.taskqueue.bench.boundary;
