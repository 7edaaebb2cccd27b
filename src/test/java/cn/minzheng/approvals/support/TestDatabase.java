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
   * A benchmark's own database, {@code minzheng_bench_<name>} unless {@code BENCH_<NAME>_DB_URL} says
   * otherwise (e.g. the flow benchmark's: minzheng_bench_flow, and minzheng_bench_plain for bare Camunda).
   */
  public static String benchUrl(String name) {
    return env("BENCH_" + name.toUpperCase(java.util.Locale.ROOT) + "_DB_URL",
        "jdbc:postgresql://localhost:5432/minzheng_bench_" + name);
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
    String database = databaseName(url);
    String adminUrl = adminUrl(url);
    try (Connection connection = DriverManager.getConnection(adminUrl, user(), password());
         Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
        if (!rs.next()) {
          statement.execute("CREATE DATABASE \"" + database + "\"");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL for the tests is not reachable at " + adminUrl
          + " (start it, or set TEST_DB_URL): " + e.getMessage(), e);
    }
  }

  /** Drops the database of this JDBC URL (closing its sessions) and creates it empty: a benchmark's fresh start. */
  public static void recreate(String url) {
    String database = databaseName(url);
    try (Connection connection = DriverManager.getConnection(adminUrl(url), user(), password());
         Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
      statement.execute("CREATE DATABASE \"" + database + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot recreate " + url + ": " + e.getMessage(), e);
    }
  }

  private static String databaseName(String url) {
    int slash = url.lastIndexOf('/');
    int query = url.indexOf('?', slash);
    return (query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query)).replace("\"", "").replace("'", "");
  }

  private static String adminUrl(String url) {
    int slash = url.lastIndexOf('/');
    int query = url.indexOf('?', slash);
    return url.substring(0, slash + 1) + "postgres" + (query < 0 ? "" : url.substring(query));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
