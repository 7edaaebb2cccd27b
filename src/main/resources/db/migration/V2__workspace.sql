-- The inbox's workspace: the official working-day calendar as data, CC copies, notifications,
-- added signers (加签) and the statutory whole-procedure limit of each application.

-- Working-day calendar: days off that would be workdays (holiday) and weekend days worked (workday, 调休).
-- A year is covered only when it has a row in mz_calendar_year (its official notice).
CREATE TABLE mz_calendar_year (
  cal_year        INTEGER       NOT NULL PRIMARY KEY,
  source          VARCHAR(200)  NOT NULL
);
CREATE TABLE mz_calendar_day (
  cal_date        DATE          NOT NULL PRIMARY KEY,
  day_kind        VARCHAR(8)    NOT NULL,
  note            VARCHAR(100),
  CONSTRAINT ck_mz_calendar_day_kind CHECK (day_kind IN ('holiday', 'workday'))
);
INSERT INTO mz_calendar_year (cal_year, source) VALUES (2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）');
INSERT INTO mz_calendar_year (cal_year, source) VALUES (2026, '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）');

INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-01-01', 'holiday', '元旦');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-01-28', 'holiday', '春节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-01-29', 'holiday', '春节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-01-30', 'holiday', '春节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-01-31', 'holiday', '春节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-02-01', 'holiday', '春节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-02-02', 'holiday', '春节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-02-03', 'holiday', '春节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-02-04', 'holiday', '春节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-04-04', 'holiday', '清明节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-04-05', 'holiday', '清明节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-04-06', 'holiday', '清明节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-05-01', 'holiday', '劳动节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-05-02', 'holiday', '劳动节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-05-03', 'holiday', '劳动节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-05-04', 'holiday', '劳动节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-05-05', 'holiday', '劳动节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-05-31', 'holiday', '端午节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-06-01', 'holiday', '端午节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-06-02', 'holiday', '端午节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-10-01', 'holiday', '国庆节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-10-02', 'holiday', '国庆节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-10-03', 'holiday', '国庆节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-10-04', 'holiday', '国庆节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-10-05', 'holiday', '国庆节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-10-06', 'holiday', '国庆节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-10-07', 'holiday', '国庆节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-10-08', 'holiday', '国庆节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-01-01', 'holiday', '元旦');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-01-02', 'holiday', '元旦');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-01-03', 'holiday', '元旦');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-02-15', 'holiday', '春节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-02-16', 'holiday', '春节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-02-17', 'holiday', '春节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-02-18', 'holiday', '春节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-02-19', 'holiday', '春节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-02-20', 'holiday', '春节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-02-21', 'holiday', '春节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-02-22', 'holiday', '春节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-02-23', 'holiday', '春节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-04-04', 'holiday', '清明节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-04-05', 'holiday', '清明节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-04-06', 'holiday', '清明节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-05-01', 'holiday', '劳动节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-05-02', 'holiday', '劳动节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-05-03', 'holiday', '劳动节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-05-04', 'holiday', '劳动节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-05-05', 'holiday', '劳动节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-06-19', 'holiday', '端午节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-06-20', 'holiday', '端午节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-06-21', 'holiday', '端午节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-09-25', 'holiday', '中秋节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-09-26', 'holiday', '中秋节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-09-27', 'holiday', '中秋节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-10-01', 'holiday', '国庆节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-10-02', 'holiday', '国庆节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-10-03', 'holiday', '国庆节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-10-04', 'holiday', '国庆节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-10-05', 'holiday', '国庆节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-10-06', 'holiday', '国庆节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-10-07', 'holiday', '国庆节');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-01-26', 'workday', '调休上班');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-02-08', 'workday', '调休上班');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-04-27', 'workday', '调休上班');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-09-28', 'workday', '调休上班');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2025-10-11', 'workday', '调休上班');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-01-04', 'workday', '调休上班');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-02-14', 'workday', '调休上班');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-02-28', 'workday', '调休上班');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-05-09', 'workday', '调休上班');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-09-20', 'workday', '调休上班');
INSERT INTO mz_calendar_day (cal_date, day_kind, note) VALUES (DATE '2026-10-10', 'workday', '调休上班');

-- Read-only copies of a task (抄送).
CREATE TABLE mz_task_cc (
  id              ${bigint} GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  application_id  ${bigint}     NOT NULL REFERENCES mz_application (id),
  task_id         VARCHAR(64)   NOT NULL,
  task_key        VARCHAR(64)   NOT NULL,
  task_name       VARCHAR(255),
  user_id         VARCHAR(64)   NOT NULL,
  from_user       VARCHAR(64)   NOT NULL,
  created_at      TIMESTAMP     NOT NULL
);
CREATE INDEX ix_mz_task_cc_user ON mz_task_cc (user_id, created_at);

-- In-app notifications: assigned, returned, urged, cc, due tomorrow.
CREATE TABLE mz_notification (
  id              ${bigint} GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  user_id         VARCHAR(64)   NOT NULL,
  kind            VARCHAR(16)   NOT NULL,
  application_id  ${bigint},
  task_id         VARCHAR(64),
  message         VARCHAR(500)  NOT NULL,
  created_at      TIMESTAMP     NOT NULL,
  read_at         TIMESTAMP
);
CREATE INDEX ix_mz_notification_user ON mz_notification (user_id, read_at);

-- 加签: a colleague asked to sign before the task may be completed.
CREATE TABLE mz_sign_request (
  id              ${bigint} GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  application_id  ${bigint}     NOT NULL REFERENCES mz_application (id),
  task_id         VARCHAR(64)   NOT NULL,
  task_key        VARCHAR(64)   NOT NULL,
  signer          VARCHAR(64)   NOT NULL,
  requested_by    VARCHAR(64)   NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  opinion         VARCHAR(2000),
  created_at      TIMESTAMP     NOT NULL,
  decided_at      TIMESTAMP
);
CREATE INDEX ix_mz_sign_request_task ON mz_sign_request (task_id);
CREATE INDEX ix_mz_sign_request_signer ON mz_sign_request (signer, status);

-- The statutory limit of the whole procedure, counted in working days from 受理.
ALTER TABLE mz_application ADD accepted_at TIMESTAMP;
ALTER TABLE mz_application ADD procedure_due DATE;
ALTER TABLE mz_application ADD extension_reason VARCHAR(1000);
