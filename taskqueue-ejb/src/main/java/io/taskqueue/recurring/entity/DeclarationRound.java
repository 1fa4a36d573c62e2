package io.taskqueue.recurring.entity;

import java.util.List;

/**
 * What storing a deployment's declared schedules did, by schedule name: those it created, changed
 * (or resumed), found as declared, paused because no longer declared, and could not store (with
 * why: the schedule limit, the owner's submit rate).
 */
public record DeclarationRound(
    List<String> created,
    List<String> changed,
    List<String> unchanged,
    List<String> retired,
    List<String> refused) {}
