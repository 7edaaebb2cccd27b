-- PostgreSQL: nobody changes or removes ledger rows, the owner included (only ALTER TABLE ... DISABLE
-- TRIGGER by the owner or a superuser gets past this, and that is itself visible to the verifier).
CREATE OR REPLACE FUNCTION mz_ledger_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'mz_ledger is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS mz_ledger_no_change ON mz_ledger;
CREATE TRIGGER mz_ledger_no_change BEFORE UPDATE OR DELETE ON mz_ledger
  FOR EACH ROW EXECUTE FUNCTION mz_ledger_refuse_change();

DROP TRIGGER IF EXISTS mz_ledger_no_truncate ON mz_ledger;
CREATE TRIGGER mz_ledger_no_truncate BEFORE TRUNCATE ON mz_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION mz_ledger_refuse_change();
