-- The public 公示 board (api-contract.md "The public 公示 board"). A 公示 gets an opaque public id the
-- first time the board lists it (one per run of the shared stage stage_public_notice, so a second
-- 公示 of the same case gets a new id); the board never shows the internal application id.
-- Objections filed on the board keep the objector's contact (never shown publicly) and a hash of
-- the client address (for the rate limit; the address itself is not stored).
-- Same script for PostgreSQL, H2 and Oracle; names fit Oracle's 30 characters.

CREATE TABLE mz_public_notice (
  public_id           VARCHAR(32)  NOT NULL PRIMARY KEY,
  application_id      ${bigint}    NOT NULL REFERENCES mz_application (id),
  process_instance_id VARCHAR(64)  NOT NULL,
  created_at          TIMESTAMP    NOT NULL,
  CONSTRAINT mz_uq_public_notice_pi UNIQUE (process_instance_id)
);

CREATE TABLE mz_public_objection (
  receipt_no      VARCHAR(32)   NOT NULL PRIMARY KEY,
  public_id       VARCHAR(32)   NOT NULL REFERENCES mz_public_notice (public_id),
  application_id  ${bigint}     NOT NULL REFERENCES mz_application (id),
  content         VARCHAR(4000) NOT NULL,
  contact         VARCHAR(100),
  client_key      CHAR(64)      NOT NULL,
  created_at      TIMESTAMP     NOT NULL
);
CREATE INDEX mz_ix_public_objection_client ON mz_public_objection (client_key, created_at);
