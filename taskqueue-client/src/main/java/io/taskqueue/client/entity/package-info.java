/**
 * What the API takes and answers, as records that JSON-B maps by their component names; requests
 * have {@code of} factories and {@code with} copies.
 */
package io.taskqueue.client.entity;
