/** The web module's part in the workers' life: stopping them gracefully with the application. */
package io.taskqueue.worker;
