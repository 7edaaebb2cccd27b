package cn.minzheng.approvals.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL the tests use: localhost:5432/minzheng_test unless TEST_DB_URL, TEST_DB_USER,
 * TEST_DB_PASSWORD say otherwise. Creates the database when it is missing; never skips.
 */
public final class TestDatabase {

  private static volatile boolean ensured;

  private TestDatabase() {
  }

  public static String url() {
    return env("TEST_DB_URL", "jdbc:postgresql://localhost:5432/minzheng_test");
  }

  /** The benchmarks' database (mvn -Pbench verify): large, kept between runs, never the tests' one. */
  public static String benchUrl() {
    return env("BENCH_DB_URL", "jdbc:postgresql://localhost:5432/minzheng_bench");
  }

  /**
   * The annual-review benchmark's database: made afresh on every run (it creates 100k process instances, so
   * a second run must not find the first one's), never the tests' or the other benchmarks' one.
   */
  public static String benchReviewUrl() {
    return env("BENCH_REVIEW_DB_URL", "jdbc:postgresql://localhost:5432/minzheng_bench_review");
  }

  public static String user() {
    return env("TEST_DB_USER", "postgres");
  }

  public static String password() {
    return env("TEST_DB_PASSWORD", "");
  }

  public static synchronized void ensureExists() {
    if (ensured) {
      return;
    }
    ensureExists(url());
    ensured = true;
  }

  /** Creates the database of this JDBC URL (on the same server, as {@link #user()}) when it is missing. */
  public static void ensureExists(String url) {
    onServerOf(url, false);
  }

  /** Drops the database of this JDBC URL (ending its sessions) and creates it empty. */
  public static void recreate(String url) {
    onServerOf(url, true);
  }

  private static void onServerOf(String url, boolean dropFirst) {
    int slash = url.lastIndexOf('/');
    int query = url.indexOf('?', slash);
    String database = query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
    String adminUrl = url.substring(0, slash + 1) + "postgres" + (query < 0 ? "" : url.substring(query));
    String quoted = "\"" + database.replace("\"", "") + "\"";
    try (Connection connection = DriverManager.getConnection(adminUrl, user(), password());
         Statement statement = connection.createStatement()) {
      if (dropFirst) {
        statement.execute("DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)");
      }
      try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "") + "'")) {
        if (!rs.next()) {
          statement.execute("CREATE DATABASE " + quoted);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL for the tests is not reachable at " + adminUrl
          + " (start it, or set TEST_DB_URL): " + e.getMessage(), e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
