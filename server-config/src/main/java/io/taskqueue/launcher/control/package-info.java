/**
 * Starting and stopping the backing services (embedded or external), the Payara Micro process, and
 * a full Payara Server domain confined to 127.0.0.1 for tests that deploy the EAR.
 */
package io.taskqueue.launcher.control;
