package io.taskqueue.security.boundary;

import io.taskqueue.schema.control.Tables;
import io.taskqueue.security.entity.AuditRecord;
import io.taskqueue.security.entity.Caller;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log. {@link #record} joins the caller's transaction and refuses to run without one, so
 * an action and its record are committed together or not at all.
 */
@Stateless
public class AuditTrail {

  @PersistenceContext(unitName = "taskqueue")
  EntityManager em;

  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(
      Caller caller,
      String remoteAddr,
      String action,
      String target,
      Integer jobCount,
      String outcome) {
    em.createNativeQuery(
            "INSERT INTO "
                + Tables.AUDIT_LOG
                + " (at, actor, auth, action, target, job_count, remote_addr,"
                + " outcome) VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS integer), ?7, ?8)")
        .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC))
        .setParameter(2, caller.name())
        .setParameter(3, caller.via())
        .setParameter(4, action)
        .setParameter(5, clip(target, 500))
        .setParameter(6, jobCount)
        .setParameter(7, clip(remoteAddr, 64))
        .setParameter(8, clip(outcome, 200))
        .executeUpdate();
  }

  /** Newest first, optionally by one actor or action, before the cursor id (keyset pagination). */
  public List<AuditRecord> list(String actor, String action, Long before, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, at, actor, auth, action, target, job_count, remote_addr, outcome"
                + " FROM "
                + Tables.AUDIT_LOG
                + " WHERE true");
    List<Object> values = new ArrayList<>();
    if (actor != null) {
      values.add(actor);
      sql.append(" AND actor = ?").append(values.size());
    }
    if (action != null) {
      values.add(action);
      sql.append(" AND action = ?").append(values.size());
    }
    if (before != null) {
      values.add(before);
      sql.append(" AND id < ?").append(values.size());
    }
    Query query = em.createNativeQuery(sql.append(" ORDER BY id DESC").toString());
    for (int i = 0; i < values.size(); i++) {
      query.setParameter(i + 1, values.get(i));
    }
    List<?> rows = query.setMaxResults(limit).getResultList();
    return rows.stream().map(AuditTrail::record).toList();
  }

  private static AuditRecord record(Object row) {
    Object[] r = (Object[]) row;
    return new AuditRecord(
        ((Number) r[0]).longValue(),
        ApiKeys.time(r[1]),
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        r[6] == null ? null : ((Number) r[6]).intValue(),
        (String) r[7],
        (String) r[8]);
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
