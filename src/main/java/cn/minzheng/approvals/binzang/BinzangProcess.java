package cn.minzheng.approvals.binzang;

import static cn.minzheng.approvals.process.Decision.APPROVE;
import static cn.minzheng.approvals.process.Decision.REJECT;
import static cn.minzheng.approvals.process.Decision.RETURN;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;


import cn.minzheng.approvals.application.ApplicationData;
import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.application.ApplicationStatus;
import cn.minzheng.approvals.application.ApplicationTypes;
import cn.minzheng.approvals.common.IdNumbers;
import cn.minzheng.approvals.process.CaseProcess;
import cn.minzheng.approvals.process.AbstractCaseProcess;
import cn.minzheng.approvals.process.Decision;
import cn.minzheng.approvals.process.SharedStages;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/**
 * Constants of {@code processes/binzang.bpmn} (惠民殡葬, domain.md §D) and the rules of its {@code data}. The
 * applicant is the person arranging the funeral; there is no household.
 */
@Component
public class BinzangProcess extends AbstractCaseProcess {

  public static final String KEY = "binzang";

  public static final String SUBSIDY_FEE_WAIVER = "fee_waiver";
  public static final String SUBSIDY_ECO_BURIAL = "eco_burial";
  public static final Set<String> SUBSIDIES = Set.of(SUBSIDY_FEE_WAIVER, SUBSIDY_ECO_BURIAL);
  public static final Set<String> BURIAL_TYPES = Set.of("columbarium", "wall", "tree", "lawn", "deep", "other");

  public static final String TASK_WAIVER_REVIEW = "Task_WaiverReview";
  public static final String TASK_MATERIAL_REVIEW = "Task_MaterialReview";
  public static final String TASK_DISTRICT_APPROVE = "Task_DistrictApprove";

  public static final String CALL_ACCEPTANCE = "Call_Acceptance";
  public static final String CALL_APPEAL = "Call_Appeal";
  public static final String BOUNDARY_NOT_ACCEPTED = "Boundary_NotAccepted";
  public static final String BOUNDARY_REOPENED = "Boundary_Reopened";
  public static final String SERVICE_ELIGIBILITY = "Service_Eligibility";
  public static final String SERVICE_CALCULATE_AWARD = "Service_CalculateAward";
  public static final String SERVICE_NOTICE_APPROVED = "Service_NoticeApproved";
  public static final String SERVICE_NOTICE_REJECTED = "Service_NoticeRejected";
  public static final String SERVICE_CLOSE = "Service_Close";
  public static final String END_NOT_ACCEPTED = "End_NotAccepted";
  public static final String END_APPROVED = "End_Approved";
  public static final String END_REFUSED = "End_Refused";

  public static final String VAR_SUBSIDY = "subsidy";
  public static final String VAR_BURIAL_TYPE = "burialType";
  public static final String VAR_PLOT_AREA = "plotArea";
  public static final String VAR_DECEASED_ID_NUMBER = "deceasedIdNumber";
  public static final String VAR_HUKOU_REGION_CODE = "hukouRegionCode";
  public static final String VAR_ELIGIBLE = "eligible";
  public static final String VAR_LOW_INCOME = "lowIncomeFamily";

  public static final String DECISION_FEE_WAIVER = "binzang-fee-waiver";
  public static final String DECISION_ECO_AWARD = "binzang-eco-award";

  private static final Pattern REGION = Pattern.compile("\\d{6}|\\d{12}");

  private static final Map<String, Set<Decision>> ALLOWED = Map.of(
      TASK_WAIVER_REVIEW, EnumSet.of(APPROVE, REJECT),
      TASK_MATERIAL_REVIEW, EnumSet.of(APPROVE, REJECT),
      TASK_DISTRICT_APPROVE, EnumSet.of(APPROVE, REJECT, RETURN));

  private static final Map<String, List<String>> RETURN_TARGETS = Map.of(
      TASK_DISTRICT_APPROVE, List.of(TASK_MATERIAL_REVIEW));

  private final Clock clock;
  private final DeceasedClaims claims;

  public BinzangProcess(Clock clock, DeceasedClaims claims) {
    super(ApplicationTypes.BINZANG, KEY, "BZ", ALLOWED, Set.of(), RETURN_TARGETS, ALLOWED.keySet());
    this.clock = clock;
    this.claims = claims;
  }

  /** One subsidy of each kind per deceased: a second application is refused (422) naming the first. */
  @Override
  public void onSubmitted(ApplicationRecord application) {
    Map<String, Object> data = ApplicationData.asMap(application.getDataJson());
    claims.claim((String) data.get(VAR_SUBSIDY), (String) ((Map<?, ?>) data.get("deceased")).get("idNumber"),
        application.getId());
  }

  /** Not accepted or withdrawn: no decision was taken on the merits, so the family may apply again. */
  @Override
  public void onReleased(long applicationId, String status) {
    if (ApplicationStatus.NOT_ACCEPTED.equals(status) || ApplicationStatus.WITHDRAWN.equals(status)) {
      claims.release(applicationId);
    }
  }

  @Override
  public boolean householdRequired() {
    return false;
  }

  @Override
  public List<FieldProblem> validateData(ApplicationRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> data = request.data() == null ? Map.of() : request.data();
    Object subsidy = data.get(VAR_SUBSIDY);
    if (subsidy == null) {
      problems.add(new FieldProblem("data.subsidy", "validation.required"));
    } else if (!(subsidy instanceof String s) || !SUBSIDIES.contains(s)) {
      problems.add(new FieldProblem("data.subsidy", "validation.enum"));
    }
    Object deceased = data.get("deceased");
    if (!(deceased instanceof Map<?, ?> person)) {
      problems.add(new FieldProblem("data.deceased", deceased == null ? "validation.required" : "validation.type"));
    } else {
      for (String field : List.of("name", "idNumber", "deathDate", "deathCertificateNo", "hukouRegionCode")) {
        Object value = person.get(field);
        if (value == null || value.toString().isBlank()) {
          problems.add(new FieldProblem("data.deceased." + field, "validation.required"));
        } else if (!(value instanceof String)) {
          problems.add(new FieldProblem("data.deceased." + field, "validation.type"));
        }
      }
      if (person.get("idNumber") instanceof String id) {
        IdNumbers.problem(id, today).ifPresent(key -> problems.add(new FieldProblem("data.deceased.idNumber", key)));
      }
      if (person.get("deathDate") instanceof String date && !date.isBlank()) {
        try {
          if (LocalDate.parse(date).isAfter(today)) {
            problems.add(new FieldProblem("data.deceased.deathDate", "validation.binzang.death-date-future"));
          }
        } catch (DateTimeParseException e) {
          problems.add(new FieldProblem("data.deceased.deathDate", "validation.type"));
        }
      }
      if (person.get("hukouRegionCode") instanceof String code && !code.isBlank() && !REGION.matcher(code).matches()) {
        problems.add(new FieldProblem("data.deceased.hukouRegionCode", "validation.type"));
      }
    }
    boolean eco = SUBSIDY_ECO_BURIAL.equals(subsidy);
    Object burialType = data.get(VAR_BURIAL_TYPE);
    if (burialType == null) {
      if (eco) {
        problems.add(new FieldProblem("data.burialType", "validation.required"));
      }
    } else if (!(burialType instanceof String b) || !BURIAL_TYPES.contains(b)) {
      problems.add(new FieldProblem("data.burialType", "validation.enum"));
    }
    Object plotArea = data.get(VAR_PLOT_AREA);
    if (plotArea == null) {
      if (eco) {
        problems.add(new FieldProblem("data.plotArea", "validation.required"));
      }
    } else if (!(plotArea instanceof Number)) {
      problems.add(new FieldProblem("data.plotArea", "validation.type"));
    } else if (new BigDecimal(plotArea.toString()).signum() < 0) {
      problems.add(new FieldProblem("data.plotArea", "validation.amount.negative"));
    }
    Object cemetery = data.get("cemetery");
    if (cemetery != null && !(cemetery instanceof String)) {
      problems.add(new FieldProblem("data.cemetery", "validation.type"));
    }
    return problems;
  }

  @Override
  public Map<String, Object> startVariables(ApplicationRecord application) {
    Map<String, Object> data = ApplicationData.asMap(application.getDataJson());
    Map<?, ?> deceased = (Map<?, ?>) data.get("deceased");
    Map<String, Object> variables = new HashMap<>();
    variables.put(VAR_SUBSIDY, data.get(VAR_SUBSIDY));
    variables.put(VAR_BURIAL_TYPE, data.get(VAR_BURIAL_TYPE));
    variables.put(VAR_PLOT_AREA, data.get(VAR_PLOT_AREA) instanceof Number n ? n.doubleValue() : null);
    variables.put(VAR_DECEASED_ID_NUMBER, deceased.get("idNumber"));
    variables.put(VAR_HUKOU_REGION_CODE, deceased.get("hukouRegionCode"));
    return variables;
  }
}
