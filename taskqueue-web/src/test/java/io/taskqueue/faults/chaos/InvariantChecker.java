package io.taskqueue.faults.chaos;

import io.taskqueue.job.entity.Priority;
import io.taskqueue.store.control.RedisKeys;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import redis.clients.jedis.RedisClient;

/**
 * The check after the soak has gone quiet: every acknowledged job exists, and every stored job
 * (acknowledged or not: a request that timed out may still have stored its job) passes {@link
 * JobHistory#problems()}. A job left unfinished is shown with what Redis still knows of it, to tell
 * "lost from Redis" from "queued but never claimed". No lease may be left in Redis.
 */
final class InvariantChecker {

  /** One broken invariant, with the job's story. */
  record Violation(UUID id, String problem, String story) {}

  /** What the check found. */
  record Result(
      List<Violation> violations,
      Map<String, Long> byStatus,
      Map<String, Map<String, Long>> byKind,
      long stored,
      long storedNotAcknowledged) {}

  private final Ledger ledger;
  private final RedisKeys keys;
  private final String redisUrl;

  InvariantChecker(Ledger ledger, RedisKeys keys, String redisUrl) {
    this.ledger = ledger;
    this.keys = keys;
    this.redisUrl = redisUrl;
  }

  Result check(Connection db) throws SQLException {
    Map<UUID, JobHistory> jobs = load(db);
    List<Violation> violations = new ArrayList<>();
    Map<String, Long> byStatus = new TreeMap<>();
    Map<String, Map<String, Long>> byKind = new TreeMap<>();
    try (RedisClient redis = RedisClient.create(redisUrl)) {
      for (UUID id : ledger.ids()) {
        Ledger.Entry entry = ledger.get(id);
        JobHistory job = jobs.get(id);
        String status = job == null ? "MISSING" : job.status();
        byKind
            .computeIfAbsent(entry.kind().name(), k -> new TreeMap<>())
            .merge(status, 1L, Long::sum);
        if (job == null) {
          violations.add(
              new Violation(
                  id,
                  "MISSING: acknowledged (" + entry.status() + ") but not stored",
                  story(entry, null, "")));
        }
      }
      for (JobHistory job : jobs.values()) {
        byStatus.merge(job.status(), 1L, Long::sum);
        for (String problem : job.problems()) {
          String redisView =
              problem.startsWith("NOT_FINAL") ? " redis: " + whereInRedis(redis, job.id()) : "";
          violations.add(
              new Violation(job.id(), problem, story(ledger.get(job.id()), job, redisView)));
        }
      }
      long leases = redis.hlen(keys.lease()) + redis.zcard(keys.inflight());
      if (leases > 0) {
        violations.add(
            new Violation(
                null,
                "LEASE_LEFT_BEHIND: lease/inflight entries " + redis.hgetAll(keys.lease()),
                ""));
      }
    }
    long notAcknowledged = jobs.keySet().stream().filter(id -> ledger.get(id) == null).count();
    return new Result(violations, byStatus, byKind, jobs.size(), notAcknowledged);
  }

  private static String story(Ledger.Entry entry, JobHistory job, String redisView) {
    String submitted =
        entry == null
            ? "not acknowledged"
            : entry.kind()
                + " via "
                + entry.node()
                + " ("
                + entry.status()
                + ") operator="
                + entry.actions();
    return submitted + (job == null ? "" : " | " + job.describe()) + redisView;
  }

  /** Which of taskqueue's Redis structures still hold the job. */
  private String whereInRedis(RedisClient redis, UUID id) {
    String member = id.toString();
    List<String> places = new ArrayList<>();
    if (redis.sismember(keys.queued(), member)) {
      places.add("queued-set");
    }
    for (Priority p : Priority.values()) {
      if (redis.lpos(keys.queue(p), member) != null) {
        places.add("queue:" + p.wireName());
      }
      if (redis.zscore(keys.delayed(p), member) != null) {
        places.add("delayed:" + p.wireName());
      }
    }
    if (redis.zscore(keys.inflight(), member) != null) {
      places.add("inflight");
    }
    if (redis.hexists(keys.lease(), member)) {
      places.add("lease=" + redis.hget(keys.lease(), member));
    }
    return places.isEmpty()
        ? "nowhere"
        : String.join(",", places) + " paused=" + redis.smembers(keys.paused());
  }

  private static Map<UUID, JobHistory> load(Connection db) throws SQLException {
    Map<UUID, List<JobHistory.Attempt>> attempts = new HashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT job_id, attempt, outcome, worker_id, error FROM job_attempts"
                    + " ORDER BY job_id, attempt")) {
      while (rs.next()) {
        String error = rs.getString(5);
        attempts
            .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
            .add(
                new JobHistory.Attempt(
                    rs.getInt(2),
                    rs.getString(3),
                    rs.getString(4),
                    error == null ? null : error.substring(0, Math.min(60, error.length()))));
      }
    }
    Map<UUID, JobHistory> jobs = new LinkedHashMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, status, attempt, max_attempts, finished_at IS NOT NULL, worker_id"
                    + " FROM jobs ORDER BY id")) {
      while (rs.next()) {
        UUID id = rs.getObject(1, UUID.class);
        jobs.put(
            id,
            new JobHistory(
                id,
                rs.getString(2),
                rs.getInt(3),
                rs.getInt(4),
                rs.getBoolean(5),
                rs.getString(6),
                attempts.getOrDefault(id, List.of())));
      }
    }
    return jobs;
  }
}
