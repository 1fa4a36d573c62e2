package io.taskqueue.job.boundary;

import io.taskqueue.InvalidJobException;
import io.taskqueue.handler.boundary.ClusterTypes;
import io.taskqueue.handler.boundary.JobHandlers;
import io.taskqueue.job.control.JavaRequests;
import io.taskqueue.job.control.JsonLimits;
import io.taskqueue.job.control.SubmissionRules;
import io.taskqueue.job.entity.NewJob;
import io.taskqueue.job.entity.SubmitJobRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The submission rules with this deployment's handlers and limits: one set for REST and Java
 * submitters. Each check throws {@link io.taskqueue.InvalidJobException} naming what is wrong. A
 * type is known when this node has its handler or some node of the cluster registered one ({@link
 * ClusterTypes}); its defaults are this node's handler's, else the registered ones.
 */
@ApplicationScoped
public class JobRules {

  @Inject JobHandlers handlers;
  @Inject ClusterTypes cluster;

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
    return rules().check(withHandlerDefaults(request));
  }

  public List<NewJob> checkBatch(List<SubmitJobRequest> requests) {
    return rules()
        .checkBatch(
            requests == null ? null : requests.stream().map(this::withHandlerDefaults).toList());
  }

  /**
   * Checks every handler's defaults by the rules of a submit, as if a submitter gave them: throws
   * naming the job type and what is wrong, so that the deployment fails rather than each submit.
   */
  public void requireValidDefaults() {
    SubmissionRules rules = rules();
    for (String type : handlers.knownTypes()) {
      try {
        rules.check(
            withHandlerDefaults(
                new SubmitJobRequest(type, null, null, null, null, null, null, null)));
      } catch (InvalidJobException e) {
        throw new IllegalStateException(
            "the handler of job type '"
                + type
                + "' has defaults that a submit could not give: "
                + e.getMessage(),
            e);
      }
    }
  }

  private SubmitJobRequest withHandlerDefaults(SubmitJobRequest request) {
    if (request == null || request.type() == null) {
      return request;
    }
    return handlers
        .defaultsFor(request.type())
        .or(() -> cluster.defaultsFor(request.type()))
        .map(defaults -> JavaRequests.withDefaults(request, defaults))
        .orElse(request);
  }

  public String checkIdempotencyKey(String key) {
    return SubmissionRules.checkIdempotencyKey(key);
  }

  private SubmissionRules rules() {
    SortedSet<String> known = new TreeSet<>(handlers.knownTypes());
    known.addAll(cluster.known());
    return new SubmissionRules(
        known, maxPayloadBytes, maxBatch, new JsonLimits(maxJsonDepth, maxStringLength));
  }
}
