/** The lease duties (renew, recover) and the cancel signal sent after a cancel commits. */
package io.taskqueue.lease.control;
