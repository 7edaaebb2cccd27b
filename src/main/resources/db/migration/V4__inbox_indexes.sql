-- Indexes for the task inbox (TaskInboxMapper.xml) and for completing tasks at scale, on Camunda's
-- runtime tables and ours. Camunda's tables exist by now: Flyway runs after the engine has been built
-- (FlywayAfterEngineConfig). Same script for PostgreSQL, H2 and Oracle; names fit Oracle's 30 characters.

-- Every task completion looks for sub-tasks (PARENT_TASK_ID_ = ?); without it a full scan of all open
-- tasks on PostgreSQL (camunda/camunda#36824).
CREATE INDEX mz_ix_task_parent ON ACT_RU_TASK (PARENT_TASK_ID_);

-- The "group" branch: the tasks of my candidate groups, read from the index alone. The "mine" branch
-- needs nothing new: Camunda's ACT_IDX_TASK_ASSIGNEE finds my tasks, and the page is sorted after the
-- whole inbox has been counted, so an (ASSIGNEE_, DUE_DATE_) index went unused (EXPLAIN, 100k tasks).
CREATE INDEX mz_ix_identlink_group_task ON ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_);

-- From a task to its application.
CREATE INDEX mz_ix_application_proc_inst ON mz_application (process_instance_id);
