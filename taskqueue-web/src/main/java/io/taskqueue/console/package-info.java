/** The admin console's files, served at the path {@code taskqueue.console.path} names. */
package io.taskqueue.console;
