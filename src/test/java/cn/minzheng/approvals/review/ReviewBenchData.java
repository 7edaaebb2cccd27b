package cn.minzheng.approvals.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

import javax.sql.DataSource;

import cn.minzheng.approvals.support.BenchSql;

/**
 * The annual-review benchmark's households: approved 低保 applications written in bulk (generate_series)
 * as the 低保 model and ApplicationService leave them at 公示 end ({@code End_Published}, status approved,
 * amounts set, the applicant held in mz_open_person, the ended 低保 instance named). The runner and the
 * review model read id, street and district codes, stage and amount; the rest is there so the rows look real.
 *
 * <p>District 东西湖区 (420112000000) with 10 streets (吴家山街 420112001 and 将军路街 420112002 of the demo,
 * the other codes made up), two communities each, households spread evenly. Random but repeatable (setseed).
 * ID numbers are made up (420112 + the household's number), never printed.
 */
final class ReviewBenchData {

  static final String DISTRICT = "420112000000";

  private ReviewBenchData() {
  }

  static void fill(DataSource dataSource, int households, Timestamp now) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT setseed(0.2026)");
      }
      try (PreparedStatement insert = connection.prepareStatement(APPLICATIONS)) {
        insert.setTimestamp(1, now);
        insert.setInt(2, households);
        insert.execute();
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(OPEN_PERSONS);
      }
      connection.commit();
    }
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("VACUUM ANALYZE mz_application");
      statement.execute("VACUUM ANALYZE mz_open_person");
    }
  }

  /**
   * Household n: street n % 10 + 1 of the district, community n / 10 % 2 + 1 of the street; 1–4 persons
   * with a per-capita income below the standard (780 yuan), the benefit the difference for the household.
   * Approved between 1 and 13 months ago.
   */
  private static final String APPLICATIONS = BenchSql.withApplicantName("""
      INSERT INTO mz_application (app_no, app_type, region_code, community_code, street_code, district_code, status,
        stage, applicant_name, applicant_id_number, household_size, household_income, per_capita_income,
        standard_amount, amount, process_instance_id, created_by, created_at, updated_at, accepted_at)
      SELECT 'BENCH-DB-' || lpad(n::text, 7, '0'), 'dibao', community, community, street || '000', '420112000000',
             'approved', 'End_Published', applicant_name, '420112' || lpad(n::text, 12, '0'), size,
             per_capita * size, per_capita, 780.00, (780.00 - per_capita) * size, 'bench-dibao-' || n, 'bench',
             approved - interval '40 days', approved, approved - interval '38 days'
      FROM (
        SELECT n, street, street || lpad((n / 10 % 2 + 1)::text, 3, '0') AS community,
               1 + floor(r_size * 4)::int AS size, round((r_income * 600)::numeric, 2) AS per_capita,
               CAST(? AS timestamp) - interval '30 days' - r_approved * interval '365 days' AS approved,
               {applicantName} AS applicant_name
        FROM (
          SELECT n, '420112' || lpad((n % 10 + 1)::text, 3, '0') AS street, random() AS r_size, random() AS r_income,
                 random() AS r_approved, random() AS r_name1, random() AS r_name2
          FROM generate_series(1, ?) AS n
        ) r
      ) h
      """);

  /** An approved application holds its applicant, as ApplicationService keeps it. */
  private static final String OPEN_PERSONS = """
      INSERT INTO mz_open_person (app_type, id_number, application_id)
      SELECT app_type, applicant_id_number, id FROM mz_application WHERE app_no LIKE 'BENCH-DB-%'
      """;
}
