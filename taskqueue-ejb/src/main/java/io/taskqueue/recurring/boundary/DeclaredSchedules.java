package io.taskqueue.recurring.boundary;

import io.taskqueue.InvalidJobException;
import io.taskqueue.handler.boundary.JobHandlers;
import io.taskqueue.job.boundary.JobRules;
import io.taskqueue.recurring.control.ScheduleDeclarations;
import io.taskqueue.recurring.control.ScheduleRules;
import io.taskqueue.recurring.entity.DeclarationRound;
import io.taskqueue.recurring.entity.DeclaredSchedule;
import io.taskqueue.recurring.entity.InvalidScheduleException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The schedules the application declares in code ({@link io.taskqueue.Recurring} on its handlers).
 * They are read and checked when the application deploys, so that one that is not valid fails the
 * deployment, naming its class; they are stored by {@link #storeOnce()}, which a background duty
 * calls until the database has taken them (a node may boot while PostgreSQL is away).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeclaredSchedules {

  private static final Logger LOG = Logger.getLogger(DeclaredSchedules.class.getName());

  @Inject JobHandlers handlers;
  @Inject JobRules jobRules;
  @Inject Schedules schedules;

  private List<DeclaredSchedule> declared;
  private volatile boolean stored;

  @PostConstruct
  void readAndCheck() {
    declared =
        new ScheduleDeclarations(
                (handlerClass, name) ->
                    ConfigProvider.getConfig(handlerClass.getClassLoader())
                        .getOptionalValue(name, String.class))
            .read(handlers.beanClasses());
    ScheduleRules rules = new ScheduleRules(jobRules::check);
    for (DeclaredSchedule declaration : declared) {
      try {
        rules.check(declaration.request(), declaration.name(), null, Instant.now(), null);
      } catch (InvalidScheduleException | InvalidJobException e) {
        throw new IllegalStateException(
            declaration.handlerClass()
                + " declares the schedule '"
                + declaration.name()
                + "', which is not valid: "
                + e.getMessage(),
            e);
      }
    }
  }

  /**
   * Stores the declared schedules and retires those of this node's types no longer declared, once
   * per deployment; throws (to be called again) while the database cannot take them.
   */
  public void storeOnce() {
    if (stored) {
      return;
    }
    DeclarationRound round = schedules.declare(declared, handlers.knownTypes());
    stored = true;
    LOG.info(
        () ->
            "schedules declared in code: created "
                + round.created()
                + ", changed "
                + round.changed()
                + ", unchanged "
                + round.unchanged());
    for (String name : round.retired()) {
      LOG.warning(
          () ->
              "the schedule '"
                  + name
                  + "' was declared in code and no longer is: it is paused, not deleted."
                  + " Delete it in the console or with DELETE /api/schedules/"
                  + name
                  + ", or declare it again to resume it.");
    }
  }

  /** The declarations read at deployment. */
  public List<DeclaredSchedule> declared() {
    return List.copyOf(declared);
  }
}
