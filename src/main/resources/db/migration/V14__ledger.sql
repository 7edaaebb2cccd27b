-- The audit ledger: every state change, task operation, administrator action, login and view of
-- unmasked personal data, appended and hash-chained (row_hash = SHA-256 over the row and prev_hash).
-- Rows are never updated or deleted: db/vendor/<vendor>/R__ledger_guard.sql adds the triggers that
-- refuse it. application_id is the case a row is about (from target "application:<id>"), for searches.
CREATE TABLE mz_ledger (
  seq             ${bigint}     NOT NULL PRIMARY KEY,
  logged_at       TIMESTAMP     NOT NULL,
  actor           VARCHAR(64)   NOT NULL,
  action          VARCHAR(64)   NOT NULL,
  target          VARCHAR(200),
  application_id  ${bigint},
  detail          ${clob},
  client_addr     VARCHAR(64),
  prev_hash       VARCHAR(64)   NOT NULL,
  row_hash        VARCHAR(64)   NOT NULL
);
CREATE INDEX ix_mz_ledger_application ON mz_ledger (application_id);
CREATE INDEX ix_mz_ledger_actor ON mz_ledger (actor);
CREATE INDEX ix_mz_ledger_action ON mz_ledger (action);
CREATE INDEX ix_mz_ledger_logged_at ON mz_ledger (logged_at);

-- One row: the last seq and hash. Appending transactions lock it (SELECT ... FOR UPDATE), so the
-- chain never forks however many append at once.
CREATE TABLE mz_ledger_head (
  id         INTEGER     NOT NULL PRIMARY KEY,
  last_seq   ${bigint}   NOT NULL,
  last_hash  VARCHAR(64) NOT NULL
);
INSERT INTO mz_ledger_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- the ledger's person filter finds a person's applications by the applicant's ID number
CREATE INDEX ix_mz_application_applicant_id ON mz_application (applicant_id_number);
