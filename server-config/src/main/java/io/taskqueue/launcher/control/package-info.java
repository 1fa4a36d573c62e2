/**
 * Starting and stopping the backing services (embedded or external) and the Payara Micro process.
 */
package io.taskqueue.launcher.control;
