package cn.minzheng.approvals.admin.check;

/**
 * One broken rule: the element at fault (id, or the file name when the file as a whole fails), the
 * rule id (see {@link ModelRules}) and what is wrong in Chinese and English.
 */
public record ModelProblem(String element, String rule, String message, String messageEn) {

  /** "rule element: 中文 / English", for logs, exceptions and the command line. */
  public String describe() {
    return "[" + rule + "] " + element + ": " + message + " / " + messageEn;
  }
}
