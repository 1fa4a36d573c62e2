package io.taskqueue.security.boundary;

import io.taskqueue.schema.control.Tables;
import io.taskqueue.security.entity.ApiKey;
import io.taskqueue.security.entity.CreatedKey;
import io.taskqueue.security.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** API keys in PostgreSQL: create (the secret is returned once, its hash kept), list, revoke. */
@Stateless
public class ApiKeys {

  /** A listing shows at most this many keys, newest first. */
  public static final int MAX_LISTED = 1_000;

  private static final String COLUMNS =
      "id, name, roles, created_at, created_by, expires_at, revoked_at";

  @PersistenceContext(unitName = "taskqueue")
  EntityManager em;

  /** A new key; empty when the name is taken. */
  public Optional<CreatedKey> create(
      String name, List<Role> roles, OffsetDateTime expiresAt, String createdBy) {
    String secret = KeySecrets.generate();
    List<?> rows =
        em.createNativeQuery(
                "INSERT INTO "
                    + Tables.API_KEYS
                    + " (name, secret_hash, roles, created_at, created_by,"
                    + " expires_at) VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS timestamptz))"
                    + " ON CONFLICT (name) DO NOTHING RETURNING "
                    + COLUMNS)
            .setParameter(1, name)
            .setParameter(2, KeySecrets.hash(secret))
            .setParameter(3, roles.stream().map(Role::wireName).collect(Collectors.joining(",")))
            .setParameter(4, OffsetDateTime.now(ZoneOffset.UTC))
            .setParameter(5, createdBy)
            .setParameter(6, expiresAt)
            .getResultList();
    return rows.stream().findFirst().map(row -> new CreatedKey(key((Object[]) row), secret));
  }

  public List<ApiKey> list() {
    return keys(
        em.createNativeQuery("SELECT " + COLUMNS + " FROM " + Tables.API_KEYS + " ORDER BY id DESC")
            .setMaxResults(MAX_LISTED)
            .getResultList());
  }

  /** Revokes the key; empty when there is no such key. Revoking twice keeps the first time. */
  public Optional<ApiKey> revoke(long id) {
    em.createNativeQuery(
            "UPDATE "
                + Tables.API_KEYS
                + " SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL")
        .setParameter(1, id)
        .setParameter(2, OffsetDateTime.now(ZoneOffset.UTC))
        .executeUpdate();
    return keys(
            em.createNativeQuery(
                    "SELECT " + COLUMNS + " FROM " + Tables.API_KEYS + " WHERE id = ?1")
                .setParameter(1, id)
                .getResultList())
        .stream()
        .findFirst();
  }

  /** The key whose secret this is, if it is neither revoked nor expired. */
  public Optional<ApiKey> findActive(String secret) {
    return keys(
            em.createNativeQuery(
                    "SELECT " + COLUMNS + " FROM " + Tables.API_KEYS + " WHERE secret_hash = ?1")
                .setParameter(1, KeySecrets.hash(secret))
                .getResultList())
        .stream()
        .findFirst()
        .filter(key -> key.activeAt(OffsetDateTime.now(ZoneOffset.UTC)));
  }

  /**
   * Which of these keys are neither revoked nor expired now: one query for any number of keys, so
   * that every node can re-check the keys its WebSocket sessions signed in with.
   */
  public Set<Long> activeAmong(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    List<Long> list = List.copyOf(ids);
    StringBuilder sql =
        new StringBuilder("SELECT id FROM " + Tables.API_KEYS + " WHERE revoked_at IS NULL")
            .append(" AND (expires_at IS NULL OR expires_at > ?1) AND id IN (");
    for (int i = 0; i < list.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append('?').append(i + 2);
    }
    Query query =
        em.createNativeQuery(sql.append(')').toString())
            .setParameter(1, OffsetDateTime.now(ZoneOffset.UTC));
    for (int i = 0; i < list.size(); i++) {
      query.setParameter(i + 2, list.get(i));
    }
    return ((List<?>) query.getResultList())
        .stream().map(id -> ((Number) id).longValue()).collect(Collectors.toSet());
  }

  private static List<ApiKey> keys(List<?> rows) {
    return rows.stream().map(row -> key((Object[]) row)).toList();
  }

  private static ApiKey key(Object[] row) {
    return new ApiKey(
        ((Number) row[0]).longValue(),
        (String) row[1],
        Arrays.asList(((String) row[2]).split(",")),
        time(row[3]),
        (String) row[4],
        time(row[5]),
        time(row[6]));
  }

  static OffsetDateTime time(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant().atOffset(ZoneOffset.UTC);
    }
    return value == null ? null : ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC);
  }
}
