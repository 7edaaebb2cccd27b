package cn.minzheng.approvals.process;

import static cn.minzheng.approvals.process.Decision.APPROVE;
import static cn.minzheng.approvals.process.Decision.REJECT;
import static cn.minzheng.approvals.process.Decision.SUPPLEMENT;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Constants of the shared stages every approval calls: {@code processes/stage-acceptance.bpmn} (受理 /
 * 补正 / 不予受理), {@code stage-public-notice.bpmn} (公示 with 异议) and {@code stage-appeal.bpmn} (申诉复核,
 * 回避). They signal their outcome to the caller by an error (not_accepted) or an escalation
 * (objection, reopen) caught on the call activity.
 */
public final class SharedStages {

  public static final String ACCEPTANCE = "stage_acceptance";
  public static final String PUBLIC_NOTICE = "stage_public_notice";
  public static final String APPEAL = "stage_appeal";

  public static final String TASK_ACCEPT = "Task_Accept";
  public static final String TASK_AWAIT_SUPPLEMENT = "Task_AwaitSupplement";
  public static final String SERVICE_NOTICE_ACCEPTED = "Service_NoticeAccepted";
  public static final String SERVICE_NOTICE_SUPPLEMENT = "Service_NoticeSupplement";
  public static final String SERVICE_NOTICE_NOT_ACCEPTED = "Service_NoticeNotAccepted";
  public static final String END_ACCEPTED = "End_Accepted";
  public static final String END_NOT_ACCEPTED = "End_NotAccepted";

  public static final String SERVICE_NOTICE_PUBLICITY = "Service_NoticePublicity";
  public static final String WAIT_PUBLIC_NOTICE = "Wait_PublicNotice";
  public static final String TIMER_PUBLIC_NOTICE = "Timer_PublicNotice";
  public static final String MESSAGE_OBJECTION = "Message_Objection";
  public static final String END_NO_OBJECTION = "End_NoObjection";
  public static final String END_OBJECTION = "End_Objection";

  public static final String WAIT_APPEAL = "Wait_Appeal";
  public static final String TIMER_APPEAL_WINDOW = "Timer_AppealWindow";
  public static final String MESSAGE_APPEAL = "Message_Appeal";
  public static final String TASK_DECIDE_APPEAL = "Task_DecideAppeal";
  public static final String SERVICE_NOTICE_APPEAL_DECISION = "Service_NoticeAppealDecision";
  public static final String END_NO_APPEAL = "End_NoAppeal";
  public static final String END_REFUSAL_UPHELD = "End_RefusalUpheld";
  public static final String END_REOPENED = "End_Reopened";

  /** Decisions of the shared stages' user tasks. */
  static final Map<String, Set<Decision>> ALLOWED = Map.of(
      TASK_ACCEPT, EnumSet.of(APPROVE, SUPPLEMENT, REJECT),
      TASK_AWAIT_SUPPLEMENT, EnumSet.of(APPROVE, REJECT),
      TASK_DECIDE_APPEAL, EnumSet.of(APPROVE, REJECT));

  /** 受理 checks the papers against the person: it needs the full ID numbers. */
  static final Set<String> FULL_ID_STAGES = Set.of(TASK_ACCEPT, TASK_AWAIT_SUPPLEMENT);

  private SharedStages() {
  }

  /** Decisions a shared stage's task allows; empty for other tasks. */
  public static Set<Decision> allowedDecisions(String taskKey) {
    return ALLOWED.getOrDefault(taskKey, Set.of());
  }

  public static boolean needsFullIdNumbers(String taskKey) {
    return FULL_ID_STAGES.contains(taskKey);
  }
}
