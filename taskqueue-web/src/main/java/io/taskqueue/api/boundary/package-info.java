/** The providers every resource shares. */
package io.taskqueue.api.boundary;
