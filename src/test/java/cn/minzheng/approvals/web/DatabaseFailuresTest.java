package cn.minzheng.approvals.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import jakarta.servlet.ServletException;

/** The chains the fault run (.ci/faults, PostgreSQL restarted under load) met, and ones that are no outage. */
class DatabaseFailuresTest {

  @Test
  void shouldRecogniseTheDatabaseGoneHoweverWrapped() {
    // Hikari gives up waiting for a connection
    assertThat(DatabaseFailures.isConnectionFailure(new CannotGetJdbcConnectionException("no connection",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
    assertThat(DatabaseFailures.isConnectionFailure(new CannotCreateTransactionException("Could not open JDBC Connection"))).isTrue();
    // the engine's statement hit a socket the server closed (08006), wrapped by MyBatis, Camunda and the servlet
    SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006");
    assertThat(DatabaseFailures.isConnectionFailure(new ServletException("Request processing failed",
        new ProcessEnginePersistenceException("persistence", new PersistenceException(io))))).isTrue();
    // the server shuts down (57P01), and the rollback afterwards meets Hikari's closed stand-in
    assertThat(DatabaseFailures.isConnectionFailure(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
    assertThat(DatabaseFailures.isConnectionFailure(new ProcessEnginePersistenceException("persistence",
        new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))).isTrue();
  }

  @Test
  void shouldLeaveOtherFailuresAlone() {
    assertThat(DatabaseFailures.isConnectionFailure(new ProcessEngineException("Unknown property used in expression"))).isFalse();
    assertThat(DatabaseFailures.isConnectionFailure(new DataIntegrityViolationException("numeric field overflow",
        new SQLException("numeric field overflow", "22003")))).isFalse();
    assertThat(DatabaseFailures.isConnectionFailure(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(DatabaseFailures.isConnectionFailure(new SQLException("Connection is closed", "42000"))).isFalse();
    assertThat(DatabaseFailures.isConnectionFailure(new IllegalStateException("x", new IllegalStateException()))).isFalse();
  }
}
