package cn.minzheng.approvals.admin.config;

import java.util.List;

/** A change to the calendar or a notice template that breaks a rule; nothing was changed. */
public class ConfigRefusedException extends RuntimeException {

  private final String summaryKey;
  private final List<ConfigProblem> problems;

  public ConfigRefusedException(String summaryKey, List<ConfigProblem> problems) {
    super(summaryKey + " " + problems.stream().map(ConfigProblem::rule).toList());
    this.summaryKey = summaryKey;
    this.problems = List.copyOf(problems);
  }

  public String summaryKey() { return summaryKey; }
  public List<ConfigProblem> problems() { return problems; }
}
