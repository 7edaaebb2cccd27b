package cn.minzheng.approvals.review;

import java.util.Set;

/**
 * Constants of {@code processes/dibao-review.bpmn} (年度复核 of a 低保 household, domain.md §A1 step 8).
 * Its tasks belong to the type {@code dibao}: their decisions are declared in
 * {@link cn.minzheng.approvals.process.DibaoProcess}.
 */
public final class DibaoReviewProcess {

  public static final String KEY = "dibao_review";

  public static final String TASK_CHECK = "Task_ReviewCheck";
  public static final String TASK_HOME_VISIT = "Task_HomeVisit";
  public static final String TASK_DECIDE = "Task_ReviewDecide";
  public static final String SERVICE_APPLY_OUTCOME = "Service_ApplyOutcome";
  public static final String SERVICE_NOTICE_KEPT = "Service_NoticeKept";
  public static final String SERVICE_NOTICE_REDUCED = "Service_NoticeReduced";
  public static final String SERVICE_NOTICE_STOPPED = "Service_NoticeStopped";
  public static final String CALL_APPEAL = "Call_Appeal";
  public static final String BOUNDARY_REOPENED = "Boundary_Reopened";
  public static final String SERVICE_CLOSE_REVIEW = "Service_CloseReview";
  public static final String END_KEPT = "End_Kept";
  public static final String END_DECIDED = "End_Decided";

  /** Form fields the gateways and {@link ReviewOutcomeDelegate} read. */
  public static final String VAR_HOME_VISIT_NEEDED = "homeVisitNeeded";
  public static final String VAR_REVIEW_OUTCOME = "reviewOutcome";
  public static final String VAR_NEW_AMOUNT = "newAmount";
  public static final String VAR_REVIEW_YEAR = "reviewYear";
  public static final String VAR_REVIEW_RUN_ID = "reviewRunId";

  public static final String OUTCOME_KEEP = "keep";
  public static final String OUTCOME_INCREASE = "increase";
  public static final String OUTCOME_REDUCE = "reduce";
  public static final String OUTCOME_STOP = "stop";
  public static final Set<String> OUTCOMES = Set.of(OUTCOME_KEEP, OUTCOME_INCREASE, OUTCOME_REDUCE, OUTCOME_STOP);

  /** Case-history events of a review. */
  public static final String EVENT_STARTED = "annual_review_started";
  public static final String EVENT_DECIDED = "annual_review_decided";

  private DibaoReviewProcess() {
  }
}
