/**
 * Credentials the authentication mechanism hands to the identity stores; request and view records.
 */
package io.taskqueue.security.entity;
