/**
 * The command line a developer runs: {@code java -jar server-config/target/taskqueue-local.jar}.
 */
package io.taskqueue.launcher.boundary;
