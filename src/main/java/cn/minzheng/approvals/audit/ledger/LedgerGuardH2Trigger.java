package cn.minzheng.approvals.audit.ledger;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's stand-in for the PostgreSQL trigger of R__ledger_guard.sql: ledger rows are never changed or removed. */
public class LedgerGuardH2Trigger implements Trigger {

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException("mz_ledger is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused", "42501");
  }
}
