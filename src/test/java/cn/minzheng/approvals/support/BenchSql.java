package cn.minzheng.approvals.support;

/** SQL the benchmarks' bulk data sets share (PostgreSQL: they are written with generate_series). */
public final class BenchSql {

  /**
   * A made-up applicant's name (surname and given name, 600 combinations) from the random columns
   * {@code r_name1} and {@code r_name2} of the row; replaces {@code {applicantName}} in a statement.
   */
  public static final String APPLICANT_NAME = """
      (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗'])
          [1 + floor(r_name1 * 20)::int]
        || (ARRAY['伟','芳','娜','秀英','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀兰','霞',
                  '平','刚','桂英','建华','玉兰','志强','淑珍','文','华','红'])[1 + floor(r_name2 * 30)::int]""";

  private BenchSql() {
  }

  /** The statement with {@code {applicantName}} replaced by {@link #APPLICANT_NAME}. */
  public static String withApplicantName(String sql) {
    return sql.replace("{applicantName}", APPLICANT_NAME);
  }
}
