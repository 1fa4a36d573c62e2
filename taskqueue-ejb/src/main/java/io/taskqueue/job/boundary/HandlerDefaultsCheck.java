package io.taskqueue.job.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Fails the deployment when a handler gives its jobs defaults that a submit could not give (zero
 * attempts, a timeout over a day, …): found once, at deployment, rather than as a refusal of every
 * submit of that type.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HandlerDefaultsCheck {

  @Inject JobRules rules;

  @PostConstruct
  void check() {
    rules.requireValidDefaults();
  }
}
