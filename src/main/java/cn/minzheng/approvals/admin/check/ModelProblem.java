package cn.minzheng.approvals.admin.check;

/**
 * One broken rule: the element at fault (id, or the file name when the file as a whole fails), the
 * rule id (see {@link ModelRules}) and what is wrong in Chinese and English. Both messages start with
 * the element and the rule, so that each reads on its own (in a log, a list, the command line).
 */
public record ModelProblem(String element, String rule, String message, String messageEn) {

  public ModelProblem {
    String prefix = element + "（" + rule + "）：";
    message = message.startsWith(prefix) ? message : prefix + message;
    String prefixEn = element + " (" + rule + "): ";
    messageEn = messageEn.startsWith(prefixEn) ? messageEn : prefixEn + messageEn;
  }

  /** Both languages on one line. */
  public String describe() {
    return message + " / " + messageEn;
  }
}
