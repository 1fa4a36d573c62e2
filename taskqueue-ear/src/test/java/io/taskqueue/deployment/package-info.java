/** The EAR deployed as users deploy it: to a full Payara Server, driven over HTTP. */
package io.taskqueue.deployment;
