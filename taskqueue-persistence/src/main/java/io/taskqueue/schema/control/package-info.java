/** Schema migrations: applied by the application at startup with Flyway, never by JPA DDL. */
package io.taskqueue.schema.control;
