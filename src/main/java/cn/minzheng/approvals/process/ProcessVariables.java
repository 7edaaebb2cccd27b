package cn.minzheng.approvals.process;

/**
 * Names of the process variables every approval model shares. The case itself lives in our tables;
 * the engine holds its id, where it is, and the data its gateways decide on.
 */
public final class ProcessVariables {

  public static final String APPLICATION_ID = "applicationId";
  public static final String STREET_CODE = "streetCode";
  public static final String DISTRICT_CODE = "districtCode";
  public static final String PUBLIC_NOTICE_PERIOD = "publicNoticePeriod";
  public static final String APPEAL_WINDOW = "appealWindow";
  /** The last stage's decision ({@link Decision#code()}). */
  public static final String DECISION = "decision";
  /** The last stage's opinion: reasons of a refusal, of a return, of an appeal decision. */
  public static final String OPINION = "opinion";
  /** Who took the last decision. */
  public static final String DECIDED_BY = "decidedBy";
  /** Who refused the application: may not decide its appeal (回避). */
  public static final String REFUSED_BY = "refusedBy";
  /** Materials missing at 受理, one per line, for the 补正材料通知书. */
  public static final String MISSING = "missing";
  /** Input parameter of the notice-issuing service tasks. */
  public static final String NOTICE_KIND = "noticeKind";

  /** Message names the shared stages correlate. */
  public static final String MESSAGE_OBJECTION = "objection";
  public static final String MESSAGE_APPEAL = "appeal";

  private ProcessVariables() {
  }
}
