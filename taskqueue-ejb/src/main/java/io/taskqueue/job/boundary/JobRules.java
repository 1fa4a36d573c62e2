package io.taskqueue.job.boundary;

import io.taskqueue.handler.boundary.JobHandlers;
import io.taskqueue.job.control.JsonLimits;
import io.taskqueue.job.control.SubmissionRules;
import io.taskqueue.job.entity.NewJob;
import io.taskqueue.job.entity.SubmitJobRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The submission rules with this deployment's handlers and limits: one set for REST and Java
 * submitters. Each check throws {@link io.taskqueue.InvalidJobException} naming what is wrong.
 */
@ApplicationScoped
public class JobRules {

  @Inject JobHandlers handlers;

  @Inject
  @ConfigProperty(name = "taskqueue.api.max-payload-bytes", defaultValue = "1048576")
  int maxPayloadBytes;

  @Inject
  @ConfigProperty(name = "taskqueue.api.max-batch", defaultValue = "1000")
  int maxBatch;

  @Inject
  @ConfigProperty(name = "taskqueue.api.max-json-depth", defaultValue = "32")
  int maxJsonDepth;

  @Inject
  @ConfigProperty(name = "taskqueue.api.max-string-length", defaultValue = "65536")
  int maxStringLength;

  public NewJob check(SubmitJobRequest request) {
    return rules().check(request);
  }

  public List<NewJob> checkBatch(List<SubmitJobRequest> requests) {
    return rules().checkBatch(requests);
  }

  public String checkIdempotencyKey(String key) {
    return SubmissionRules.checkIdempotencyKey(key);
  }

  private SubmissionRules rules() {
    return new SubmissionRules(
        handlers.knownTypes(),
        maxPayloadBytes,
        maxBatch,
        new JsonLimits(maxJsonDepth, maxStringLength));
  }
}
