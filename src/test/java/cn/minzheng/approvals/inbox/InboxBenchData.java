package cn.minzheng.approvals.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

import javax.sql.DataSource;

import cn.minzheng.approvals.support.BenchSql;

/**
 * The benchmark's data set on PostgreSQL: {@value #TASKS} open 低保 tasks, one per process instance and
 * application, written in bulk (generate_series) into ACT_RU_EXECUTION, ACT_RU_TASK, ACT_RU_IDENTITYLINK
 * and mz_application as the engine and ApplicationService would leave them.
 *
 * <p>A city-wide platform: 13 districts of Wuhan with 10 streets each (吴家山街 and 将军路街 of the demo
 * among them, the other codes made up), two communities per street, tasks spread evenly, so about
 * 770 open tasks per street and 7,700 per district. Stages: 60 % at a clerk stage (candidate group
 * {@code <street>-clerk}), 20 % 街道初审 ({@code <street>-reviewer}), 20 % at the district
 * ({@code <district>-approver}). A third is claimed by one of three users of the group, the candidate
 * link stays (as in Camunda). Due dates from 20 days ago to 30 days ahead, 5 % none.
 * Random but repeatable (setseed). Kept between runs; made again when {@value #VERSION} changes.
 */
final class InboxBenchData {

  static final int TASKS = 100_000;
  static final String VERSION = "inbox-v2";

  /** Finished 低保 cases behind the open ones (-Dbench.inbox.history): what years of work leave in the tables. */
  static final int HISTORY = Integer.getInteger("bench.inbox.history", 1_000_000);
  static final String HISTORY_VERSION = "inbox-history-v1";

  private InboxBenchData() {
  }

  /** True when the data set was (re)made, false when the one in the database was reused. */
  static boolean ensure(DataSource dataSource, String processDefinitionId, Timestamp now) throws SQLException {
    return made(dataSource, VERSION, TASKS, CLEAN, 0.2025, connection -> {
      execute(connection, PLAN, now, now, TASKS);
      execute(connection, APPLICATIONS);
      execute(connection, EXECUTIONS, processDefinitionId);
      execute(connection, TASKS_SQL, processDefinitionId);
      execute(connection, LINKS);
      execute(connection, "DROP TABLE bench_plan");
    });
  }

  /**
   * {@value #HISTORY} finished cases, as the engine and ApplicationService leave them: an ACT_HI_PROCINST row
   * (ended), the deciding task in ACT_HI_TASKINST, and the application closed in mz_application (85 %
   * approved, 10 % refused, 5 % not accepted), started over the last five years in the same 130 streets.
   * True when made, false when the one in the database was reused.
   */
  static boolean ensureHistory(DataSource dataSource, String processDefinitionId, Timestamp now) throws SQLException {
    return made(dataSource, HISTORY_VERSION, HISTORY, CLEAN_HISTORY, 0.2026, connection -> {
      execute(connection, HISTORY_PLAN, now, HISTORY);
      execute(connection, HISTORY_APPLICATIONS);
      execute(connection, HISTORY_INSTANCES, processDefinitionId);
      execute(connection, HISTORY_TASKS, processDefinitionId);
      execute(connection, "DROP TABLE bench_hist");
    });
  }

  /** Writes a data set's rows on the connection given (one transaction). */
  private interface Fill {
    void into(Connection connection) throws SQLException;
  }

  /** Makes the data set {@code name} unless it is there already; true when it was made. */
  private static boolean made(DataSource dataSource, String name, int rows, String[] clean, double seed, Fill fill)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      boolean make = !kept(connection, name, rows, clean, seed);
      if (make) {
        fill.into(connection);
        execute(connection, "INSERT INTO bench_dataset (name, row_count) VALUES (?, ?)", name, rows);
      }
      connection.commit();
      return make;
    }
  }

  /**
   * Whether the data set {@code name} of {@code rows} rows is there from an earlier run (then nothing is
   * done); otherwise removes what is left of it and seeds random(), so that it is made the same way again.
   */
  private static boolean kept(Connection connection, String name, int rows, String[] clean, double seed)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS bench_dataset (name VARCHAR(40) PRIMARY KEY, row_count INTEGER NOT NULL)");
      try (ResultSet rs = statement.executeQuery("SELECT row_count FROM bench_dataset WHERE name = '" + name + "'")) {
        if (rs.next() && rs.getInt(1) == rows) {
          return true;
        }
      }
      for (String sql : clean) {
        statement.execute(sql);
      }
      statement.execute("SELECT setseed(" + seed + ")");
      return false;
    }
  }

  /** One statement with its parameters (timestamps, numbers, strings), run to its end. */
  private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.execute();
    }
  }

  private static final String[] CLEAN_HISTORY = {
      "DROP TABLE IF EXISTS bench_hist",
      "DELETE FROM bench_dataset WHERE name = '" + HISTORY_VERSION + "'",
      "DELETE FROM ACT_HI_TASKINST WHERE ID_ LIKE 'hist-t-%'",
      "DELETE FROM ACT_HI_PROCINST WHERE ID_ LIKE 'hist-pi-%'",
      "DELETE FROM mz_application WHERE app_no LIKE 'HIST-%'",
  };

  private static final String HISTORY_PLAN = BenchSql.withApplicantName("""
      CREATE UNLOGGED TABLE bench_hist AS
      SELECT n, street || '001' AS community_code, street || '000' AS street_code, district_code,
             started, started + interval '20 days' + r_took * interval '40 days' AS ended,
             CASE WHEN r_outcome < 0.85 THEN 'approved' WHEN r_outcome < 0.95 THEN 'rejected' ELSE 'not_accepted' END AS status,
             CASE WHEN r_outcome < 0.85 THEN 'End_Published' WHEN r_outcome < 0.95 THEN 'End_Refused' ELSE 'End_NotAccepted' END AS end_act,
             'hist-pi-' || n AS pi, 'hist-t-' || n AS task_id,
             CASE district_code WHEN '420112000000' THEN 'qu' ELSE 'd' || district_code END || '-approver' AS approver,
             {applicantName} AS applicant_name
      FROM (
        SELECT n,
               '4201' || (ARRAY['02','03','04','05','06','07','11','12','13','14','15','16','17'])[n % 130 / 10 + 1]
                 || lpad((n % 10 + 1)::text, 3, '0') AS street,
               '4201' || (ARRAY['02','03','04','05','06','07','11','12','13','14','15','16','17'])[n % 130 / 10 + 1]
                 || '000000' AS district_code,
               CAST(? AS timestamp) - interval '90 days' - random() * interval '1735 days' AS started,
               random() AS r_took, random() AS r_outcome, random() AS r_name1, random() AS r_name2
        FROM generate_series(1, ?) AS n
      ) r
      """);

  private static final String HISTORY_APPLICATIONS = """
      INSERT INTO mz_application (app_no, app_type, region_code, community_code, street_code, district_code, status,
        stage, applicant_name, applicant_id_number, process_instance_id, created_by, created_at, updated_at)
      SELECT 'HIST-' || lpad(n::text, 7, '0'), 'dibao', community_code, community_code, street_code, district_code,
             status, end_act, applicant_name, '420112' || lpad((500000000 + n)::text, 12, '0'), pi, 'bench', started, ended
      FROM bench_hist
      """;

  private static final String HISTORY_INSTANCES = """
      INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_, END_TIME_,
        DURATION_, START_USER_ID_, START_ACT_ID_, END_ACT_ID_, ROOT_PROC_INST_ID_, STATE_)
      SELECT h.pi, h.pi, a.id::text, 'dibao', ?, h.started, h.ended,
             (EXTRACT(EPOCH FROM h.ended - h.started) * 1000)::bigint, 'bench', 'Start_Submitted', h.end_act, h.pi, 'COMPLETED'
      FROM bench_hist h JOIN mz_application a ON a.process_instance_id = h.pi
      """;

  /** The deciding task of each finished case (the earlier ones of a case would only repeat the pattern). */
  private static final String HISTORY_TASKS = """
      INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,
        EXECUTION_ID_, NAME_, ASSIGNEE_, START_TIME_, END_TIME_, DURATION_, PRIORITY_, DELETE_REASON_, TASK_STATE_)
      SELECT task_id, 'Task_DistrictApprove', 'dibao', ?, pi, pi, pi, '区民政局审核确认', approver,
             ended - interval '3 days', ended, 259200000, 50, 'completed', 'Completed'
      FROM bench_hist
      """;

  private static final String[] CLEAN = {
      "DROP TABLE IF EXISTS bench_plan",
      "DELETE FROM bench_dataset",
      "DELETE FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ LIKE 'bench-t-%'",
      "DELETE FROM ACT_RU_TASK WHERE ID_ LIKE 'bench-t-%'",
      "DELETE FROM ACT_RU_EXECUTION WHERE ID_ LIKE 'bench-pi-%'",
      "DELETE FROM mz_application WHERE app_no LIKE 'BENCH-%'",
  };

  /**
   * One row per task with every random choice made once; the inserts below read it. Task n lies in
   * street n % 130: district 4201dd (13 districts of Wuhan), street n % 10 + 1 of it (420112001 is
   * 吴家山街, 420112002 将军路街), community 1 or 2 of the street.
   */
  private static final String PLAN = BenchSql.withApplicantName("""
      CREATE UNLOGGED TABLE bench_plan AS
      SELECT n, street || '000' AS street_code, street || lpad((n / 130 % 2 + 1)::text, 3, '0') AS community_code,
             district_code, task_key, due, created, applicant_name, assigned, user_pick,
             'bench-pi-' || n AS pi, 'bench-t-' || n AS task_id,
             CASE WHEN task_key = 'Task_StreetReview' THEN 'reviewer'
                  WHEN task_key IN ('Task_DistrictApprove', 'Task_DecideAppeal') THEN 'approver'
                  ELSE 'clerk' END AS role,
             CASE street WHEN '420112001' THEN 'wjs' WHEN '420112002' THEN 'jjl' ELSE 's' || street END AS abbr,
             CASE district_code WHEN '420112000000' THEN 'qu' ELSE 'd' || district_code END AS district_abbr
      FROM (
        SELECT n,
               '4201' || (ARRAY['02','03','04','05','06','07','11','12','13','14','15','16','17'])[n % 130 / 10 + 1]
                 || lpad((n % 10 + 1)::text, 3, '0') AS street,
               '4201' || (ARRAY['02','03','04','05','06','07','11','12','13','14','15','16','17'])[n % 130 / 10 + 1]
                 || '000000' AS district_code,
               CASE WHEN r_stage < 0.25 THEN 'Task_Accept'
                    WHEN r_stage < 0.50 THEN 'Task_Investigate'
                    WHEN r_stage < 0.55 THEN 'Task_DemocraticReview'
                    WHEN r_stage < 0.60 THEN 'Task_AwaitSupplement'
                    WHEN r_stage < 0.80 THEN 'Task_StreetReview'
                    WHEN r_stage < 0.97 THEN 'Task_DistrictApprove'
                    ELSE 'Task_DecideAppeal' END AS task_key,
               r_assign < 1.0 / 3 AS assigned,
               floor(r_user * 3)::int AS user_pick,
               CASE WHEN r_no_due < 0.05 THEN NULL
                    ELSE CAST(? AS timestamp) - interval '20 days' + r_due * interval '50 days' END AS due,
               CAST(? AS timestamp) - interval '1 minute' - r_created * interval '60 days' AS created,
               {applicantName} AS applicant_name
        FROM (
          SELECT n, random() AS r_stage, random() AS r_assign, random() AS r_user, random() AS r_no_due,
                 random() AS r_due, random() AS r_created, random() AS r_name1, random() AS r_name2
          FROM generate_series(1, ?) AS n
        ) r
      ) p
      """);

  private static final String APPLICATIONS = """
      INSERT INTO mz_application (app_no, app_type, region_code, community_code, street_code, district_code, status,
        stage, applicant_name, applicant_id_number, process_instance_id, created_by, created_at, updated_at)
      SELECT 'BENCH-' || lpad(n::text, 6, '0'), 'dibao', community_code, community_code, street_code, district_code,
             'in_progress', task_key, applicant_name, '420112' || lpad(n::text, 12, '0'), pi, 'bench', created, created
      FROM bench_plan
      """;

  /** The process instance execution, waiting at the user task. */
  private static final String EXECUTIONS = """
      INSERT INTO ACT_RU_EXECUTION (ID_, REV_, ROOT_PROC_INST_ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_ID_, ACT_ID_,
        ACT_INST_ID_, IS_ACTIVE_, IS_CONCURRENT_, IS_SCOPE_, IS_EVENT_SCOPE_, SUSPENSION_STATE_, CACHED_ENT_STATE_,
        SEQUENCE_COUNTER_, PROC_DEF_KEY_)
      SELECT b.pi, 1, b.pi, b.pi, a.id::text, ?, b.task_key, b.task_key || ':bench-' || b.n, TRUE, FALSE, TRUE, FALSE,
             1, 2, 1, 'dibao'
      FROM bench_plan b JOIN mz_application a ON a.process_instance_id = b.pi
      """;

  private static final String TASKS_SQL = """
      INSERT INTO ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, NAME_, TASK_DEF_KEY_, ASSIGNEE_,
        PRIORITY_, CREATE_TIME_, LAST_UPDATED_, DUE_DATE_, SUSPENSION_STATE_, TASK_STATE_)
      SELECT task_id, 1, pi, pi, ?,
             CASE task_key WHEN 'Task_Accept' THEN '受理' WHEN 'Task_Investigate' THEN '家庭经济状况调查'
                           WHEN 'Task_DemocraticReview' THEN '民主评议' WHEN 'Task_AwaitSupplement' THEN '等待补正材料'
                           WHEN 'Task_StreetReview' THEN '街道初审' WHEN 'Task_DistrictApprove' THEN '区民政局审核确认'
                           ELSE '申诉复核（回避原决定人）' END,
             task_key,
             CASE WHEN NOT assigned THEN NULL
                  WHEN role = 'approver' THEN district_abbr || '-approver' || CASE user_pick WHEN 0 THEN '' ELSE (user_pick + 1)::text END
                  ELSE abbr || '-' || role || CASE user_pick WHEN 0 THEN '' ELSE (user_pick + 1)::text END END,
             50, created, CASE WHEN assigned THEN created + interval '1 hour' END, due, 1, 'Created'
      FROM bench_plan
      """;

  /** Every task keeps the candidate group it was created with, claimed or not. */
  private static final String LINKS = """
      INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, USER_ID_, TASK_ID_)
      SELECT 'bench-l-' || n, 1,
             CASE role WHEN 'approver' THEN district_code ELSE street_code END || '-' || role,
             'candidate', NULL, task_id
      FROM bench_plan
      """;
}
