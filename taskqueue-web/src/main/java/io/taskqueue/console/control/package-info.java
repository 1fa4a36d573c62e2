/** Where the console lives within the application, and which of its files a path names. */
package io.taskqueue.console.control;
