/** The authentication mechanism, identity stores, role check, rate limit and security headers. */
package io.taskqueue.security.control;
