package io.taskqueue.recurring.control;

import io.taskqueue.recurring.entity.DeclarationRound;
import io.taskqueue.recurring.entity.DeclaredSchedule;
import io.taskqueue.recurring.entity.InvalidScheduleException;
import io.taskqueue.recurring.entity.Schedule;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Stores a deployment's schedules declared in code, in the caller's transaction: creates the new
 * ones, changes those whose definition changed or that were retired (which resumes them), leaves
 * alone those stored as declared, and retires (pauses) the declared schedules of the deployment's
 * own job types that it no longer declares. Schedules of other types are not its to judge: a node
 * that runs other handlers, or none, retires nothing of theirs.
 */
public final class DeclarationStore {

  /** The owner whose submit rate the schedules declared in code share. */
  public static final String CODE_OWNER = "code";

  private static final Logger LOG = Logger.getLogger(DeclarationStore.class.getName());

  private final ScheduleRules rules;
  private final ScheduleBudget budget;
  private final int maxCount;

  public DeclarationStore(ScheduleRules rules, ScheduleBudget budget, int maxCount) {
    this.rules = rules;
    this.budget = budget;
    this.maxCount = maxCount;
  }

  /**
   * Stores {@code declared} and retires what of {@code ownTypes} it lacks, one deployment at a time
   * (the lock is held until the caller's transaction ends). A declaration the schedule limit or its
   * owner's submit rate refuses is left out and logged; the others are stored.
   */
  public DeclarationRound store(
      Connection c, List<DeclaredSchedule> declared, Collection<String> ownTypes)
      throws SQLException {
    ScheduleSql.lockDeclarations(c);
    Instant now = ScheduleSql.now(c);
    DeclarationRound round =
        new DeclarationRound(
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>());
    for (DeclaredSchedule declaration : declared) {
      try {
        store(c, declaration, now, round);
      } catch (InvalidScheduleException refused) {
        LOG.severe(
            () ->
                "the schedule '"
                    + declaration.name()
                    + "' that "
                    + declaration.handlerClass()
                    + " declares is not stored: "
                    + refused.getMessage());
        round.refused().add(declaration.name());
      }
    }
    Set<String> names = declared.stream().map(DeclaredSchedule::name).collect(Collectors.toSet());
    for (String name : ScheduleSql.declaredFor(c, ownTypes)) {
      if (!names.contains(name)) {
        ScheduleSql.retire(c, name, now);
        round.retired().add(name);
      }
    }
    return round;
  }

  private void store(
      Connection c, DeclaredSchedule declaration, Instant now, DeclarationRound round)
      throws SQLException {
    String name = declaration.name();
    Optional<Schedule> current = ScheduleSql.find(c, name, true);
    if (current.isEmpty()) {
      Schedule schedule =
          rules
              .check(declaration.request(), name, CODE_OWNER, now, null)
              .declared(declaration.handlerClass(), null);
      ScheduleRules.requireRoom(ScheduleSql.count(c), maxCount);
      budget.checkStored(c, schedule, now);
      ScheduleSql.insert(c, schedule);
      round.created().add(name);
      return;
    }
    Schedule stored = current.get();
    boolean retired = stored.retiredAt() != null;
    Schedule schedule =
        rules
            .check(retired ? declaration.resumed() : declaration.request(), name, null, now, stored)
            .declared(declaration.handlerClass(), null);
    if (!retired
        && schedule.sameDefinition(stored)
        && declaration.handlerClass().equals(stored.declaredBy())) {
      round.unchanged().add(name);
      return;
    }
    budget.checkStored(c, schedule, now);
    ScheduleSql.update(c, schedule);
    round.changed().add(name);
  }
}
