package cn.minzheng.approvals.tekun;

import static cn.minzheng.approvals.process.Decision.APPROVE;
import static cn.minzheng.approvals.process.Decision.REJECT;
import static cn.minzheng.approvals.process.Decision.RETURN;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.application.ApplicationTypes;
import cn.minzheng.approvals.process.CaseProcess;
import cn.minzheng.approvals.process.AbstractCaseProcess;
import cn.minzheng.approvals.process.Decision;
import cn.minzheng.approvals.process.SharedStages;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/** Constants of {@code processes/tekun.bpmn} (特困人员救助供养, domain.md §A2, 民发〔2021〕43号). */
@Component
public final class TekunProcess extends AbstractCaseProcess {

  public static final String KEY = "tekun";

  public static final String CALL_ACCEPTANCE = "Call_Acceptance";
  public static final String CALL_PUBLIC_NOTICE = "Call_PublicNotice";
  public static final String CALL_APPEAL = "Call_Appeal";
  public static final String BOUNDARY_NOT_ACCEPTED = "Boundary_NotAccepted";
  public static final String BOUNDARY_OBJECTION = "Boundary_Objection";
  public static final String BOUNDARY_REOPENED = "Boundary_Reopened";

  /** 调查核实 + 初审 (not Task_Investigate: StageDataRules keys 低保's investigation rules by that task key). */
  public static final String TASK_INVESTIGATE = "Task_Verify";
  public static final String TASK_DISTRICT_REVIEW = "Task_DistrictReview";
  public static final String SERVICE_SELF_CARE = "Service_SelfCareGrade";
  public static final String SERVICE_STANDARD = "Service_Standard";
  public static final String SERVICE_NOTICE_APPROVED = "Service_NoticeApproved";
  public static final String SERVICE_NOTICE_CERTIFICATE = "Service_NoticeCertificate";
  public static final String SERVICE_PUBLISH = "Service_Publish";
  public static final String SERVICE_START_ADMISSION = "Service_StartAdmission";
  public static final String SERVICE_NOTICE_REJECTED = "Service_NoticeRejected";
  public static final String END_NOT_ACCEPTED = "End_NotAccepted";
  public static final String END_HOME_CARE = "End_HomeCare";
  public static final String END_INSTITUTION_CARE = "End_InstitutionCare";
  public static final String END_REFUSED = "End_Refused";

  public static final String DECISION_STANDARD = "tekun-standard";
  public static final String DECISION_SELF_CARE = "tekun-self-care";

  /** The six items of the 生活自理能力评估 (true: the person manages it alone). */
  public static final List<String> SELF_CARE_ITEMS = List.of("canEat", "canDress", "canTransfer", "canToilet",
      "canWalk", "canBathe");
  public static final String VAR_SELF_CARE = "selfCareLevel";
  public static final String VAR_CARE_MODE = "careMode";
  public static final String VAR_ADMISSION_ID = "admissionApplicationId";

  public static final Set<String> CATEGORIES = Set.of("elderly", "minor", "disabled");
  public static final Set<String> SUPPORTERS = Set.of("none", "unable");
  public static final Set<String> CARE_MODES = Set.of("home", "institution");

  private static final Map<String, Set<Decision>> ALLOWED = Map.of(
      TASK_INVESTIGATE, EnumSet.of(APPROVE),
      TASK_DISTRICT_REVIEW, EnumSet.of(APPROVE, REJECT, RETURN),
      // 终止 (processes/tekun-termination.bpmn): the objection's finding is a form field; approve = 核准终止
      TekunTerminationProcess.TASK_REVIEW_OBJECTION, EnumSet.of(APPROVE),
      TekunTerminationProcess.TASK_DECIDE_TERMINATION, EnumSet.of(APPROVE, REJECT));

  /** 调查核实 checks income and supporters against the records: full ID numbers. */
  /** One person is supported, not a household. */
  public TekunProcess() {
    super(ApplicationTypes.TEKUN, KEY, "TK", ALLOWED, Set.of(TASK_INVESTIGATE),
        Map.of(TASK_DISTRICT_REVIEW, List.of(TASK_INVESTIGATE)), Set.of(TASK_DISTRICT_REVIEW));
  }

  @Override
  public List<String> otherModelKeys() {
    return List.of(TekunTerminationProcess.KEY);
  }

  @Override
  public boolean householdRequired() {
    return false;
  }

  @Override
  public List<FieldProblem> validateData(ApplicationRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Object> data = request.data() == null ? Map.of() : request.data();
    enumeration(problems, data, "category", CATEGORIES);
    enumeration(problems, data, "supporter", SUPPORTERS);
    enumeration(problems, data, "careMode", CARE_MODES);
    return problems;
  }

  private static void enumeration(List<FieldProblem> problems, Map<String, Object> data, String field, Set<String> allowed) {
    Object value = data.get(field);
    if (value == null || value.toString().isBlank()) {
      problems.add(new FieldProblem("data." + field, "validation.required"));
    } else if (!allowed.contains(value.toString())) {
      problems.add(new FieldProblem("data." + field, "validation.enum"));
    }
  }

  /** The person's choice of 分散 (home) or 集中 (institution) 供养, as applied for; 调查核实 may record a new one. */
  @Override
  public Map<String, Object> startVariables(cn.minzheng.approvals.application.ApplicationRecord application) {
    String chosen = cn.minzheng.approvals.application.ApplicationData.value(application.getDataJson(), VAR_CARE_MODE);
    return Map.of(VAR_CARE_MODE, CARE_MODES.contains(chosen) ? chosen : "home");
  }
}
