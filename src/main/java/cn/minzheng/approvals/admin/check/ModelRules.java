package cn.minzheng.approvals.admin.check;

/** The rule ids a {@link ModelProblem} names; README lists them with what they mean. */
public final class ModelRules {

  public static final String FILE_KIND = "file-kind";
  public static final String FILE_SIZE = "file-size";
  public static final String XML_DOCTYPE = "xml-doctype";
  public static final String XML_WELL_FORMED = "xml-well-formed";
  public static final String BPMN_PARSE = "bpmn-parse";
  public static final String DMN_PARSE = "dmn-parse";
  public static final String FORM_JSON = "form-json";
  public static final String SCRIPT_TASK = "script-task";
  public static final String SCRIPT = "script";
  public static final String SCRIPT_CONDITION = "script-condition";
  public static final String JAVA_CLASS = "java-class";
  public static final String EXPRESSION_SYNTAX = "expression-syntax";
  public static final String EXPRESSION_BEAN = "expression-bean";
  public static final String EXPRESSION_VARIABLE = "expression-variable";
  public static final String EXPRESSION_REFLECTION = "expression-reflection";
  public static final String USER_TASK_GROUP = "user-task-group";
  public static final String USER_TASK_FORM = "user-task-form";
  public static final String USER_TASK_DUE_DATE = "user-task-due-date";
  public static final String CALLED_ELEMENT = "called-element";
  public static final String REFUSAL_NOTICE = "refusal-notice";
  public static final String HISTORY_TTL = "history-ttl";
  public static final String TIMER = "timer";
  public static final String DMN_HIT_POLICY = "dmn-hit-policy";
  public static final String DMN_TYPES = "dmn-types";

  private ModelRules() {
  }
}
