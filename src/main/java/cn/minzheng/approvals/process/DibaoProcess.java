package cn.minzheng.approvals.process;

import static cn.minzheng.approvals.process.Decision.APPROVE;
import static cn.minzheng.approvals.process.Decision.REJECT;
import static cn.minzheng.approvals.process.Decision.RETURN;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationTypes;
import cn.minzheng.approvals.review.DibaoReviewProcess;

/** Constants of {@code processes/dibao.bpmn} (最低生活保障审核确认, domain.md §A1). */
@Component
public final class DibaoProcess extends AbstractCaseProcess {

  public static final String KEY = "dibao";

  /** Shared stages' task keys, as the inbox and tests name them for 低保. */
  public static final String TASK_ACCEPT = SharedStages.TASK_ACCEPT;
  public static final String TASK_AWAIT_SUPPLEMENT = SharedStages.TASK_AWAIT_SUPPLEMENT;
  public static final String TASK_DECIDE_APPEAL = SharedStages.TASK_DECIDE_APPEAL;
  public static final String WAIT_PUBLIC_NOTICE = SharedStages.WAIT_PUBLIC_NOTICE;
  public static final String WAIT_APPEAL = SharedStages.WAIT_APPEAL;

  public static final String CALL_ACCEPTANCE = "Call_Acceptance";
  public static final String CALL_PUBLIC_NOTICE = "Call_PublicNotice";
  public static final String CALL_APPEAL = "Call_Appeal";
  public static final String BOUNDARY_NOT_ACCEPTED = "Boundary_NotAccepted";
  public static final String BOUNDARY_OBJECTION = "Boundary_Objection";
  public static final String BOUNDARY_REOPENED = "Boundary_Reopened";

  public static final String TASK_INVESTIGATE = "Task_Investigate";
  public static final String TASK_DEMOCRATIC_REVIEW = "Task_DemocraticReview";
  public static final String TASK_STREET_REVIEW = "Task_StreetReview";
  public static final String TASK_DISTRICT_APPROVE = "Task_DistrictApprove";

  public static final String SERVICE_CALCULATE_AMOUNT = "Service_CalculateAmount";
  public static final String SERVICE_NOTICE_APPROVED = "Service_NoticeApproved";
  public static final String SERVICE_NOTICE_REJECTED = "Service_NoticeRejected";
  public static final String SERVICE_PUBLISH = "Service_Publish";

  public static final String END_NOT_ACCEPTED = "End_NotAccepted";
  public static final String END_PUBLISHED = "End_Published";
  public static final String END_REFUSED = "End_Refused";

  /** Variables of the investigation form the gateways read. */
  public static final String VAR_HOLD_DEMOCRATIC_REVIEW = "holdDemocraticReview";

  /** The DMN table of monthly standards by area type and year. */
  public static final String DECISION_STANDARD = "dibao-standard";

  private static final Map<String, Set<Decision>> ALLOWED = Map.of(
      TASK_INVESTIGATE, EnumSet.of(APPROVE),
      TASK_DEMOCRATIC_REVIEW, EnumSet.of(APPROVE, RETURN),
      TASK_STREET_REVIEW, EnumSet.of(APPROVE, RETURN),
      TASK_DISTRICT_APPROVE, EnumSet.of(APPROVE, REJECT, RETURN),
      // 年度复核 (processes/dibao-review.bpmn): the outcome (维持/增发/减发/停发) is a form field
      DibaoReviewProcess.TASK_CHECK, EnumSet.of(APPROVE),
      DibaoReviewProcess.TASK_HOME_VISIT, EnumSet.of(APPROVE),
      DibaoReviewProcess.TASK_DECIDE, EnumSet.of(APPROVE));

  private static final Map<String, List<String>> RETURN_TARGETS = Map.of(
      TASK_DEMOCRATIC_REVIEW, List.of(TASK_INVESTIGATE),
      TASK_STREET_REVIEW, List.of(TASK_INVESTIGATE),
      TASK_DISTRICT_APPROVE, List.of(TASK_STREET_REVIEW, TASK_INVESTIGATE));

  /** 调查 runs 信息核对 with the full ID numbers (受理 too, see SharedStages). */
  private static final Set<String> FULL_ID_STAGES = Set.of(TASK_INVESTIGATE, DibaoReviewProcess.TASK_CHECK);

  public DibaoProcess() {
    super(ApplicationTypes.DIBAO, KEY, "DB", ALLOWED, FULL_ID_STAGES, RETURN_TARGETS,
        Set.of(TASK_DISTRICT_APPROVE, DibaoReviewProcess.TASK_DECIDE));
  }

  @Override
  public List<String> otherModelKeys() {
    return List.of(DibaoReviewProcess.KEY);
  }
}
