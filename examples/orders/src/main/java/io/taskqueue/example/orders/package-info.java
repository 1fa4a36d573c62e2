/**
 * An example shop that uses taskqueue as a team would: it stores an order and submits the job that
 * confirms it in one transaction, and runs that job with its own handler. Copy it.
 */
package io.taskqueue.example.orders;
