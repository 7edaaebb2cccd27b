package cn.minzheng.approvals.tekun;

import java.util.Set;

/**
 * Constants of {@code processes/tekun-termination.bpmn} (终止 of 特困 support, 民发〔2021〕43号 第二十四条至第二十六条).
 * Its tasks belong to the type {@code tekun}: their decisions are declared in {@link TekunProcess}.
 */
public final class TekunTerminationProcess {

  public static final String KEY = "tekun_termination";

  public static final String CALL_PUBLIC_NOTICE = "Call_PublicNotice";
  public static final String CALL_APPEAL = "Call_Appeal";
  public static final String BOUNDARY_OBJECTION = "Boundary_Objection";
  public static final String BOUNDARY_REOPENED = "Boundary_Reopened";
  public static final String TASK_REVIEW_OBJECTION = "Task_ReviewObjection";
  public static final String TASK_DECIDE_TERMINATION = "Task_DecideTermination";
  public static final String SERVICE_KEEP_SUPPORT = "Service_KeepSupport";
  public static final String SERVICE_NOTICE_TERMINATED = "Service_NoticeTerminated";
  public static final String SERVICE_CLOSE_TERMINATED = "Service_CloseTerminated";
  public static final String END_NOT_TERMINATED = "End_NotTerminated";
  public static final String END_TERMINATED = "End_Terminated";

  public static final String VAR_REASON = "terminationReason";
  public static final String VAR_OUTCOME = "terminationOutcome";
  public static final String VAR_OBJECTION_FOUNDED = "objectionFounded";

  /** Why a person no longer qualifies: died, has income, a supporter was found, moved away. */
  public static final Set<String> REASONS = Set.of("death", "income", "supporter", "moved_away");

  public static final String OUTCOME_TERMINATED = "terminated";
  public static final String OUTCOME_KEPT = "kept";

  private TekunTerminationProcess() {
  }
}
