-- Oracle: refuses UPDATE and DELETE of ledger rows (not run in CI: no Oracle server there). TRUNCATE
-- is DDL and needs a DDL trigger or, better, a ledger owned by another schema than the application's.
CREATE OR REPLACE TRIGGER mz_ledger_no_change
  BEFORE UPDATE OR DELETE ON mz_ledger
  FOR EACH ROW
BEGIN
  RAISE_APPLICATION_ERROR(-20001, 'mz_ledger is append-only');
END;
/
