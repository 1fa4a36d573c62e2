/** The SPI that job handlers implement. */
package io.taskqueue.handler.boundary;
