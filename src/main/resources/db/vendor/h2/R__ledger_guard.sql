-- H2 (embedded default and mapper tests): a Java trigger refuses UPDATE and DELETE of ledger rows.
-- H2 fires no trigger on TRUNCATE.
DROP TRIGGER IF EXISTS mz_ledger_no_change;
CREATE TRIGGER mz_ledger_no_change BEFORE UPDATE, DELETE ON mz_ledger
  FOR EACH ROW CALL 'cn.minzheng.approvals.audit.ledger.LedgerGuardH2Trigger';
