package cn.minzheng.approvals.linshi;

import static cn.minzheng.approvals.process.Decision.APPROVE;
import static cn.minzheng.approvals.process.Decision.REJECT;
import static cn.minzheng.approvals.process.Decision.RETURN;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;


import cn.minzheng.approvals.application.ApplicationData;
import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.application.ApplicationTypes;
import cn.minzheng.approvals.process.CaseProcess;
import cn.minzheng.approvals.process.AbstractCaseProcess;
import cn.minzheng.approvals.process.Decision;
import cn.minzheng.approvals.process.SharedStages;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/**
 * Constants of {@code processes/linshi.bpmn} (临时救助, domain.md §A3) and the rules of its {@code data}: kind,
 * cause, requestedAmount, advance. The same cause is helped at most {@code approvals.linshi.same-cause-per-year}
 * times a year: a further application is refused at submission (400 on {@code data.cause}), before anything
 * is registered — nothing would be gained by registering and then refusing it by a 不予受理.
 */
@Component
public class LinshiProcess extends AbstractCaseProcess {

  public static final String KEY = "linshi";

  public static final String KIND_EMERGENCY = "emergency";
  public static final String KIND_EXPENSE = "expense";
  public static final Set<String> KINDS = Set.of(KIND_EMERGENCY, KIND_EXPENSE);

  public static final String TASK_ADVANCE_RELIEF = "Task_AdvanceRelief";
  public static final String TASK_SUPPLEMENT = "Task_Supplement";
  public static final String TASK_INVESTIGATE = "Task_Investigate";
  public static final String TASK_DEMOCRATIC_REVIEW = "Task_DemocraticReview";
  public static final String TASK_STREET_APPROVE = "Task_StreetApprove";
  public static final String TASK_DISTRICT_APPROVE = "Task_DistrictApprove";
  public static final String TASK_COORDINATION_MEETING = "Task_CoordinationMeeting";

  public static final String CALL_ACCEPTANCE = "Call_Acceptance";
  public static final String CALL_PUBLIC_NOTICE = "Call_PublicNotice";
  public static final String CALL_APPEAL = "Call_Appeal";
  public static final String BOUNDARY_NOT_ACCEPTED = "Boundary_NotAccepted";
  public static final String BOUNDARY_OBJECTION = "Boundary_Objection";
  public static final String BOUNDARY_REOPENED = "Boundary_Reopened";
  public static final String BOUNDARY_SUPPLEMENT_OVERDUE = "Boundary_SupplementOverdue";

  public static final String SERVICE_RECORD_ADVANCE = "Service_RecordAdvance";
  public static final String SERVICE_NOTICE_ADVANCE = "Service_NoticeAdvance";
  public static final String SERVICE_CHECK_MATERIALS = "Service_CheckMaterials";
  public static final String SERVICE_APPROVAL_LEVEL = "Service_ApprovalLevel";
  public static final String SERVICE_RECORD_AMOUNT = "Service_RecordAmount";
  public static final String SERVICE_SCHEDULE_INSTALMENTS = "Service_ScheduleInstalments";
  public static final String SERVICE_NOTICE_APPROVED = "Service_NoticeApproved";
  public static final String SERVICE_NOTICE_REJECTED = "Service_NoticeRejected";
  public static final String SERVICE_NOTICE_SUPPLEMENT_MISSED = "Service_NoticeSupplementMissed";

  public static final String END_NOT_ACCEPTED = "End_NotAccepted";
  public static final String END_SUPPLEMENT_MISSED = "End_SupplementMissed";
  public static final String END_APPROVED = "End_Approved";
  public static final String END_REFUSED = "End_Refused";

  public static final String VAR_KIND = "kind";
  public static final String VAR_ADVANCE = "advance";
  public static final String VAR_REQUESTED_AMOUNT = "requestedAmount";
  public static final String VAR_APPROVED_AMOUNT = "approvedAmount";
  public static final String VAR_ADVANCE_AMOUNT = "advanceAmount";
  public static final String VAR_PAPER_DEADLINE = "paperDeadline";
  public static final String VAR_SUPPLEMENT_DAYS = "supplementDays";
  public static final String VAR_MATERIALS_MISSING = "materialsMissing";
  public static final String VAR_APPROVAL_LEVEL = "approvalLevel";
  public static final String VAR_URBAN_STANDARD = "urbanStandard";
  public static final String VAR_MEETING_DAYS = "meetingDays";
  public static final String VAR_INSTALMENTS = "instalments";
  public static final String VAR_FIRST_PAYMENT_DATE = "firstPaymentDate";
  public static final String VAR_INTERVAL_MONTHS = "intervalMonths";
  public static final String LEVEL_MEETING = "meeting";

  public static final String DECISION_APPROVAL_LEVEL = "linshi-approval-level";

  private static final Map<String, Set<Decision>> ALLOWED = Map.of(
      TASK_ADVANCE_RELIEF, EnumSet.of(APPROVE),
      TASK_SUPPLEMENT, EnumSet.of(APPROVE, REJECT),
      TASK_INVESTIGATE, EnumSet.of(APPROVE),
      TASK_DEMOCRATIC_REVIEW, EnumSet.of(APPROVE, RETURN),
      TASK_STREET_APPROVE, EnumSet.of(APPROVE, REJECT, RETURN),
      TASK_DISTRICT_APPROVE, EnumSet.of(APPROVE, REJECT, RETURN),
      TASK_COORDINATION_MEETING, EnumSet.of(APPROVE));

  private static final Map<String, List<String>> RETURN_TARGETS = Map.of(
      TASK_DEMOCRATIC_REVIEW, List.of(TASK_INVESTIGATE),
      TASK_STREET_APPROVE, List.of(TASK_INVESTIGATE),
      TASK_DISTRICT_APPROVE, List.of(TASK_INVESTIGATE));

  private static final Set<String> FULL_ID_STAGES = Set.of(TASK_INVESTIGATE, TASK_SUPPLEMENT);

  private final LinshiMapper mapper;
  private final Clock clock;
  private final int paperDeadline;
  private final int supplementDays;
  private final int sameCausePerYear;
  private final int meetingDays;
  private final int maxInstalments;

  public LinshiProcess(LinshiMapper mapper, Clock clock,
                       @Value("${approvals.linshi.paper-deadline:5}") int paperDeadline,
                       @Value("${approvals.linshi.supplement-days:10}") int supplementDays,
                       @Value("${approvals.linshi.same-cause-per-year:1}") int sameCausePerYear,
                       @Value("${approvals.linshi.meeting-days:10}") int meetingDays,
                       @Value("${approvals.linshi.max-instalments:6}") int maxInstalments) {
    super(ApplicationTypes.LINSHI, KEY, "LS", ALLOWED, FULL_ID_STAGES, RETURN_TARGETS,
        Set.of(TASK_STREET_APPROVE, TASK_DISTRICT_APPROVE));
    this.mapper = mapper;
    this.clock = clock;
    this.paperDeadline = paperDeadline;
    this.supplementDays = supplementDays;
    this.sameCausePerYear = sameCausePerYear;
    this.meetingDays = meetingDays;
    this.maxInstalments = maxInstalments;
  }

  /** 分次发放 [local]: how many instalments one approval may be split into. */
  public int maxInstalments() {
    return maxInstalments;
  }

  @Override
  public List<FieldProblem> validateData(ApplicationRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Object> data = request.data() == null ? Map.of() : request.data();
    Object kind = data.get(VAR_KIND);
    if (kind == null) {
      problems.add(new FieldProblem("data.kind", "validation.required"));
    } else if (!(kind instanceof String k) || !KINDS.contains(k)) {
      problems.add(new FieldProblem("data.kind", "validation.enum"));
    }
    Object cause = data.get("cause");
    if (cause == null || cause.toString().isBlank()) {
      problems.add(new FieldProblem("data.cause", "validation.required"));
    } else if (!(cause instanceof String)) {
      problems.add(new FieldProblem("data.cause", "validation.type"));
    } else if (cause.toString().length() > 200) {
      problems.add(new FieldProblem("data.cause", "validation.too-long"));
    }
    Object amount = data.get(VAR_REQUESTED_AMOUNT);
    if (amount == null) {
      problems.add(new FieldProblem("data.requestedAmount", "validation.required"));
    } else if (!(amount instanceof Number)) {
      problems.add(new FieldProblem("data.requestedAmount", "validation.type"));
    } else if (new BigDecimal(amount.toString()).signum() < 0) {
      problems.add(new FieldProblem("data.requestedAmount", "validation.amount.negative"));
    }
    Object advance = data.get(VAR_ADVANCE);
    if (advance != null && !(advance instanceof Boolean)) {
      problems.add(new FieldProblem("data.advance", "validation.type"));
    } else if (Boolean.TRUE.equals(advance) && KIND_EXPENSE.equals(kind)) {
      problems.add(new FieldProblem("data.advance", "validation.linshi.advance-emergency-only"));
    }
    if (problems.isEmpty() && request.applicant() != null && request.applicant().idNumber() != null
        && sameCauseThisYear(request.applicant().idNumber(), cause.toString().trim()) >= sameCausePerYear) {
      problems.add(new FieldProblem("data.cause", "validation.linshi.same-cause"));
    }
    return problems;
  }

  /** Approved 临时救助 of the person for the same cause, applied for in the last twelve months. */
  private long sameCauseThisYear(String idNumber, String cause) {
    LocalDateTime since = LocalDateTime.now(clock).minusYears(1);
    return mapper.approvedDataSince(ApplicationTypes.LINSHI, idNumber, since).stream()
        .map(this::causeOf).filter(cause::equals).count();
  }

  private String causeOf(String dataJson) {
    String cause = ApplicationData.value(dataJson, "cause");
    return cause == null ? null : cause.trim();
  }

  @Override
  public Map<String, Object> startVariables(ApplicationRecord application) {
    Map<String, Object> data = ApplicationData.asMap(application.getDataJson());
    Map<String, Object> variables = new HashMap<>();
    variables.put(VAR_KIND, data.get(VAR_KIND));
    variables.put(VAR_ADVANCE, Boolean.TRUE.equals(data.get(VAR_ADVANCE)));
    variables.put(VAR_REQUESTED_AMOUNT, ((Number) data.get(VAR_REQUESTED_AMOUNT)).doubleValue());
    variables.put("cause", data.get("cause"));
    variables.put(VAR_PAPER_DEADLINE, paperDeadline);
    variables.put(VAR_SUPPLEMENT_DAYS, supplementDays);
    variables.put(VAR_MEETING_DAYS, meetingDays);
    return variables;
  }
}
