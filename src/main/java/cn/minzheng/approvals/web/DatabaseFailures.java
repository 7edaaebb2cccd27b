package cn.minzheng.approvals.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a lost or unreachable database apart from other failures, however deeply Camunda, MyBatis or
 * Spring wrapped it: such a request wrote nothing and may simply be sent again (503).
 */
public final class DatabaseFailures {

  private DatabaseFailures() {
  }

  public static boolean isConnectionFailure(Throwable error) {
    int depth = 0;
    for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException) {
        return true;
      }
      if (t instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isEvicted(sql))) {
        return true;
      }
    }
    return false;
  }

  /** Hikari's stand-in for a connection it dropped as broken (no SQLSTATE): what a rollback meets after the server went away. */
  static boolean isEvicted(SQLException sql) {
    return sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage());
  }

  /** SQLSTATE class 08 (connection exception) and 57P01..57P03 (the server shuts down or cannot connect yet). */
  static boolean isConnectionState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }
}
