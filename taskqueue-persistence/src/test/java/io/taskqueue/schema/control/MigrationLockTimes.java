package io.taskqueue.schema.control;

import io.taskqueue.launcher.control.ServiceEndpoints;
import io.taskqueue.launcher.control.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Measures what each migration after V10 costs a running installation: a scratch database is
 * migrated to V10, filled with {@code rows} jobs, and then migrated one version at a time while
 * {@code writers} threads submit, start and complete jobs as the engine does (one autocommit
 * statement each). For every migration it prints how long it ran and the slowest and
 * 99th-percentile write that overlapped it: a migration that holds an exclusive lock on {@code
 * jobs} shows up as writes as slow as the migration itself.
 *
 * <p>A measurement, not a test: it asserts nothing and is not part of the build. Run it on a quiet
 * machine (README, "Upgrading"):
 *
 * <pre>
 * ./mvnw -B -pl taskqueue-persistence test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=io.taskqueue.schema.control.MigrationLockTimes \
 *   -Dexec.args="1000000 4"
 * </pre>
 *
 * It uses the PostgreSQL named by {@code TASKQUEUE_DB_*}, or an embedded one, and drops its scratch
 * database when done.
 */
public final class MigrationLockTimes {

  private static final String BASE_VERSION = "10";
  private static final int FILL_CHUNK = 100_000;

  private MigrationLockTimes() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int writerCount = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    ServiceEndpoints db = TestServices.endpoints();
    String name = "migration_locks_" + System.nanoTime();
    try (Connection admin = DriverManager.getConnection(db.dbUrl(), db.dbUser(), db.dbPassword())) {
      admin.createStatement().execute("CREATE DATABASE " + name);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(db.dbUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
    ds.setUser(db.dbUser());
    ds.setPassword(db.dbPassword());
    try {
      flyway(ds, BASE_VERSION).migrate();
      fill(ds, rows);
      measure(ds, rows, writerCount);
    } finally {
      try (Connection admin =
          DriverManager.getConnection(db.dbUrl(), db.dbUser(), db.dbPassword())) {
        admin.createStatement().execute("DROP DATABASE " + name + " WITH (FORCE)");
      }
    }
    System.exit(0);
  }

  private static Flyway flyway(PGSimpleDataSource ds, String target) {
    return Flyway.configure(MigrationLockTimes.class.getClassLoader())
        .dataSource(ds)
        .locations("classpath:db/migration")
        .target(target)
        .load();
  }

  /** Finished jobs, mostly: what a table of a million rows holds in an installation. */
  private static void fill(PGSimpleDataSource ds, int rows) throws SQLException {
    long start = System.nanoTime();
    try (Connection c = ds.getConnection()) {
      for (int from = 1; from <= rows; from += FILL_CHUNK) {
        int to = Math.min(rows, from + FILL_CHUNK - 1);
        c.createStatement()
            .execute(
                "INSERT INTO jobs (id, type, payload, priority, status, attempt, max_attempts,"
                    + " attempt_budget, created_at, started_at, finished_at, result)"
                    + " SELECT gen_random_uuid(), 'email',"
                    + " jsonb_build_object('to', 'user' || g || '@example.com',"
                    + " 'subject', repeat('x', 120)),"
                    + " (ARRAY['HIGH','MEDIUM','LOW'])[1 + g % 3],"
                    + " CASE WHEN g % 100 = 0 THEN 'DEAD' WHEN g % 50 = 0 THEN 'QUEUED'"
                    + " ELSE 'COMPLETED' END, 1, 3, 3, now() - interval '1 day',"
                    + " now() - interval '1 day', now() - interval '1 day',"
                    + " jsonb_build_object('sent', true)"
                    + " FROM generate_series("
                    + from
                    + ", "
                    + to
                    + ") g");
      }
      c.createStatement().execute("VACUUM ANALYZE jobs");
    }
    System.out.printf("filled %,d jobs in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
  }

  private static void measure(PGSimpleDataSource ds, int rows, int writerCount) throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    List<Writer> writers = new ArrayList<>();
    for (int i = 0; i < writerCount; i++) {
      Writer w = new Writer(ds, running);
      writers.add(w);
      w.thread.start();
    }
    Thread.sleep(2_000); // writers at a steady pace before the first migration; nothing awaited
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "%n%,d jobs, %d writers (insert, start, complete; autocommit)%n%n"
                + "| migration | ran (ms) | writes overlapping | slowest write (ms)"
                + " | p99 write (ms) |%n| --- | ---: | ---: | ---: | ---: |",
            rows, writerCount));
    for (MigrationInfo pending : flyway(ds, "latest").info().pending()) {
      String version = pending.getVersion().getVersion();
      long from = System.nanoTime();
      flyway(ds, version).migrate();
      long to = System.nanoTime();
      long[] overlapping =
          writers.stream().flatMapToLong(w -> w.durationsOverlapping(from, to)).sorted().toArray();
      lines.add(
          String.format(
              "| V%s %s | %,.0f | %,d | %,.0f | %,.0f |",
              version,
              pending.getDescription(),
              (to - from) / 1e6,
              overlapping.length,
              overlapping.length == 0 ? 0 : overlapping[overlapping.length - 1] / 1e6,
              overlapping.length == 0 ? 0 : overlapping[(int) (overlapping.length * 0.99)] / 1e6));
      Thread.sleep(1_000); // a quiet second between migrations, so windows do not share writes
    }
    running.set(false);
    for (Writer w : writers) {
      w.thread.join();
    }
    lines.forEach(System.out::println);
  }

  /** Submits, starts and completes one job after another, timing each statement. */
  private static final class Writer implements Runnable {

    private final PGSimpleDataSource ds;
    private final AtomicBoolean running;
    private final Thread thread = new Thread(this, "migration-lock-writer");
    private long[] starts = new long[1 << 16];
    private long[] ends = new long[1 << 16];
    private int count;

    Writer(PGSimpleDataSource ds, AtomicBoolean running) {
      this.ds = ds;
      this.running = running;
    }

    @Override
    public void run() {
      try (Connection c = ds.getConnection();
          PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO jobs (id, type, payload, priority, status, max_attempts,"
                      + " attempt_budget, created_at) VALUES (?, 'email', '{\"to\":\"a@b.c\"}',"
                      + " 'MEDIUM', 'QUEUED', 3, 3, now())");
          PreparedStatement start =
              c.prepareStatement(
                  "UPDATE jobs SET status = 'RUNNING', attempt = attempt + 1, started_at = now()"
                      + " WHERE id = ?");
          PreparedStatement complete =
              c.prepareStatement(
                  "UPDATE jobs SET status = 'COMPLETED', finished_at = now() WHERE id = ?")) {
        while (running.get()) {
          UUID id = UUID.randomUUID();
          for (PreparedStatement s : List.of(insert, start, complete)) {
            s.setObject(1, id);
            long t0 = System.nanoTime();
            s.executeUpdate();
            record(t0, System.nanoTime());
          }
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    private synchronized void record(long start, long end) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
      }
      starts[count] = start;
      ends[count] = end;
      count++;
    }

    synchronized LongStream durationsOverlapping(long from, long to) {
      List<Long> out = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        if (starts[i] < to && ends[i] > from) {
          out.add(ends[i] - starts[i]);
        }
      }
      return out.stream().mapToLong(Long::longValue);
    }
  }
}
