package cn.minzheng.approvals.yanglao;

import static cn.minzheng.approvals.process.Decision.APPROVE;
import static cn.minzheng.approvals.process.Decision.REJECT;
import static cn.minzheng.approvals.process.Decision.RETURN;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.application.ApplicationTypes;
import cn.minzheng.approvals.process.CaseProcess;
import cn.minzheng.approvals.process.AbstractCaseProcess;
import cn.minzheng.approvals.process.Decision;
import cn.minzheng.approvals.process.SharedStages;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/** Constants of {@code processes/yanglao.bpmn} (福利院、养老机构入住, domain.md §B). */
@Component
public final class YanglaoProcess extends AbstractCaseProcess {

  public static final String KEY = "yanglao";

  public static final String CALL_ACCEPTANCE = "Call_Acceptance";
  public static final String CALL_APPEAL = "Call_Appeal";
  public static final String BOUNDARY_NOT_ACCEPTED = "Boundary_NotAccepted";
  public static final String BOUNDARY_REOPENED = "Boundary_Reopened";

  public static final String TASK_ASSESS = "Task_Assess";
  public static final String TASK_DECIDE = "Task_Decide";
  public static final String SERVICE_GRADE = "Service_GradeAbility";
  public static final String SERVICE_PLACE = "Service_PlaceResident";
  public static final String WAIT_BED = "Wait_Bed";
  public static final String SERVICE_NOTICE_ADMISSION = "Service_NoticeAdmission";
  public static final String SERVICE_NOTICE_AGREEMENT = "Service_NoticeAgreement";
  public static final String SERVICE_NOTICE_REJECTED = "Service_NoticeRejected";
  public static final String SERVICE_NOTICE_QUEUED = "Service_NoticeQueued";

  public static final String END_NOT_ACCEPTED = "End_NotAccepted";
  public static final String END_PLACED = "End_Placed";
  public static final String END_REFUSED = "End_Refused";

  /** The message a freed bed sends to the waiter it goes to. */
  public static final String MESSAGE_BED_FREE = "yanglao_bed_free";

  /** The DMN table of the GB/T 42195-2022 grade. */
  public static final String DECISION_GRADE = "yanglao-ability-grade";

  /** Variables: the four domain scores of the assessment form, and what the grade and placement give. */
  public static final String VAR_SELF_CARE = "selfCare";
  public static final String VAR_MOBILITY = "mobility";
  public static final String VAR_MENTAL = "mental";
  public static final String VAR_PERCEPTION = "perception";
  public static final String VAR_GRADE = "abilityGrade";
  public static final String VAR_NURSING = "nursingCare";
  public static final String VAR_PLACED = "placed";
  /** Due dates in working days, from {@link YanglaoProperties} at the case's start. */
  public static final String VAR_DUE_DAYS_ACCEPT = "dueDaysAccept";
  public static final String VAR_DUE_DAYS_ASSESS = "dueDaysAssess";
  public static final String VAR_DUE_DAYS_DECIDE = "dueDaysDecide";

  /** Highest score of each domain (自理能力 32, 基础运动能力 16, 精神状态 30, 感知觉与社会参与 12; total 90). */
  public static final Map<String, Integer> DOMAIN_MAX = Map.of(VAR_SELF_CARE, 32, VAR_MOBILITY, 16, VAR_MENTAL, 30,
      VAR_PERCEPTION, 12);

  public static final List<String> PRIORITY_FLAGS = List.of("tekun", "alone", "disabled", "aged80");

  private static final Map<String, Set<Decision>> ALLOWED = Map.of(
      TASK_ASSESS, EnumSet.of(APPROVE),
      TASK_DECIDE, EnumSet.of(APPROVE, REJECT, RETURN));

  private final YanglaoBedMapper beds;
  private final YanglaoProperties properties;

  public YanglaoProcess(YanglaoBedMapper beds, YanglaoProperties properties) {
    super(ApplicationTypes.YANGLAO, KEY, "YL", ALLOWED, Set.of(), Map.of(TASK_DECIDE, List.of(TASK_ASSESS)), Set.of(TASK_DECIDE));
    this.beds = beds;
    this.properties = properties;
  }

  /** The configured due dates (approvals.yanglao.due-days.*), read when the case starts. */
  @Override
  public Map<String, Object> startVariables(ApplicationRecord application) {
    YanglaoProperties.DueDays due = properties.getDueDays();
    return Map.of(VAR_DUE_DAYS_ACCEPT, due.getAccept(), VAR_DUE_DAYS_ASSESS, due.getAssess(),
        VAR_DUE_DAYS_DECIDE, due.getDecide());
  }

  /** The applicant is the elder: no household. */
  @Override
  public boolean householdRequired() {
    return false;
  }

  @Override
  public List<FieldProblem> validateData(ApplicationRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Object> data = request.data() == null ? Map.of() : request.data();
    Object institution = data.get("institutionCode");
    if (institution != null && !(institution instanceof String)) {
      problems.add(new FieldProblem("data.institutionCode", "validation.type"));
    } else if (institution != null && beds.findInstitution((String) institution) == null) {
      problems.add(new FieldProblem("data.institutionCode", "validation.enum"));
    }
    Object priority = data.get("priority");
    if (priority != null) {
      if (!(priority instanceof Map<?, ?> flags)) {
        problems.add(new FieldProblem("data.priority", "validation.type"));
      } else {
        for (Map.Entry<?, ?> flag : flags.entrySet()) {
          if (!PRIORITY_FLAGS.contains(String.valueOf(flag.getKey()))) {
            problems.add(new FieldProblem("data.priority." + flag.getKey(), "validation.enum"));
          } else if (!(flag.getValue() instanceof Boolean)) {
            problems.add(new FieldProblem("data.priority." + flag.getKey(), "validation.type"));
          }
        }
      }
    }
    return problems;
  }

  /** 轮候 rank: 1 特困, 2 孤寡, 3 失能, 4 高龄, 9 none (lower goes first). */
  public static int priorityRank(Map<String, Object> data) {
    Object priority = data == null ? null : data.get("priority");
    if (priority instanceof Map<?, ?> flags) {
      for (int i = 0; i < PRIORITY_FLAGS.size(); i++) {
        if (Boolean.TRUE.equals(flags.get(PRIORITY_FLAGS.get(i)))) {
          return i + 1;
        }
      }
    }
    return 9;
  }
}
