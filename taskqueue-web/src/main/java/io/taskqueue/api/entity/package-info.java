/** The problem document of RFC 9457. */
package io.taskqueue.api.entity;
