package cn.minzheng.approvals.shzz;

import static cn.minzheng.approvals.process.Decision.APPROVE;
import static cn.minzheng.approvals.process.Decision.REJECT;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.minzheng.approvals.application.ApplicationData;
import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.application.ApplicationRequest;
import cn.minzheng.approvals.application.ApplicationTypes;
import cn.minzheng.approvals.application.ApplicationView;
import cn.minzheng.approvals.process.CaseProcess;
import cn.minzheng.approvals.process.AbstractCaseProcess;
import cn.minzheng.approvals.process.Decision;
import cn.minzheng.approvals.process.SharedStages;
import cn.minzheng.approvals.region.RegionService;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/**
 * Constants and data rules of {@code processes/shzz.bpmn} (社会组织登记, domain.md §C): 社会团体 and
 * 民办非企业单位 registered by the district 民政局. A 基金会 is refused at submission (400 on
 * {@code data.orgKind}) with a pointer to the provincial registrar: this organ has no competence for
 * it, and a registrar without competence tells the applicant at once where to apply (行政许可法第三十二条第一款第二项)
 * — no case, no number, no 不予受理 of ours.
 */
@Component
public final class ShzzProcess extends AbstractCaseProcess {

  public static final String KEY = "shzz";

  public static final String CALL_ACCEPTANCE = "Call_Acceptance";
  public static final String CALL_APPEAL = "Call_Appeal";
  public static final String BOUNDARY_NOT_ACCEPTED = "Boundary_NotAccepted";
  public static final String BOUNDARY_REOPENED = "Boundary_Reopened";

  public static final String GATEWAY_DIRECT = "Gateway_DirectRegistration";
  public static final String TASK_SPONSOR_REVIEW = "Task_SponsorReview";
  public static final String TASK_REVIEW = "Task_Review";

  public static final String SERVICE_NOTICE_SPONSOR_REFUSED = "Service_NoticeSponsorRefused";
  public static final String SERVICE_CHECK_CONDITIONS = "Service_CheckConditions";
  public static final String SERVICE_REGISTER = "Service_Register";
  public static final String SERVICE_NOTICE_APPROVED = "Service_NoticeApproved";
  public static final String SERVICE_NOTICE_CERTIFICATE = "Service_NoticeCertificate";
  public static final String SERVICE_ANNOUNCE = "Service_Announce";
  public static final String SERVICE_NOTICE_REJECTED = "Service_NoticeRejected";

  public static final String END_SPONSOR_REFUSED = "End_SponsorRefused";
  public static final String END_NOT_ACCEPTED = "End_NotAccepted";
  public static final String END_REGISTERED = "End_Registered";
  public static final String END_REFUSED = "End_Refused";

  /** Start variables the gateways read. */
  public static final String VAR_NEEDS_SPONSOR = "needsSponsor";
  public static final String VAR_ORG_KIND = "orgKind";
  /** Set by the conditions check for the 审查 stage. */
  public static final String VAR_CONDITIONS_MET = "conditionsMet";
  public static final String VAR_CONDITION_FINDINGS = "conditionFindings";
  /** Set at 准予登记. */
  public static final String VAR_CREDIT_CODE = ApplicationView.CREDIT_CODE;

  /** 社会团体登记管理条例第十条 [local figures kept as constants of the national rule]. */
  public static final int MIN_INDIVIDUAL_MEMBERS = 50;
  public static final int MIN_UNIT_MEMBERS = 30;
  public static final BigDecimal MIN_FUNDS_LOCAL = new BigDecimal("30000");

  private static final Map<String, Set<Decision>> ALLOWED = Map.of(
      TASK_SPONSOR_REVIEW, EnumSet.of(APPROVE, REJECT),
      TASK_REVIEW, EnumSet.of(APPROVE, REJECT));

  /** 审查 checks the legal representative against the registered bodies: it needs the full ID number. */
  private static final Set<String> FULL_ID_STAGES = Set.of(TASK_REVIEW);

  private static final int TEXT_MAX = 500;

  private final RegionService regions;
  private final RegisteredOrgMapper orgs;

  public ShzzProcess(RegionService regions, RegisteredOrgMapper orgs) {
    super(ApplicationTypes.SHZZ, KEY, "SZ", ALLOWED, FULL_ID_STAGES, Map.of(), Set.of(TASK_REVIEW));
    this.regions = regions;
    this.orgs = orgs;
  }

  /** The 区民政局 is the 登记管理机关: it accepts, asks for 补正 and refuses under its own name. */
  @Override
  public boolean districtIssuesAllNotices() {
    return true;
  }

  /** The applicant is the intended legal representative; there is no household. */
  @Override
  public boolean householdRequired() {
    return false;
  }

  @Override
  public List<FieldProblem> validateData(ApplicationRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, Object> data = request.data() == null ? Map.of() : request.data();
    if (request.data() == null) {
      problems.add(new FieldProblem("data", "validation.required"));
      return problems;
    }
    String orgKind = text(data.get("orgKind"));
    if (orgKind == null) {
      problems.add(new FieldProblem("data.orgKind", "validation.required"));
    } else if (!OrgKinds.ORG_KINDS.contains(orgKind)) {
      problems.add(new FieldProblem("data.orgKind", "validation.enum"));
      orgKind = null;
    } else if (OrgKinds.FOUNDATION.equals(orgKind)) {
      problems.add(new FieldProblem("data.orgKind", "validation.shzz.foundation"));
      return problems;
    }
    for (String field : new String[] {"domicile", "purpose", "businessScope", "activityArea"}) {
      String value = text(data.get(field));
      if (value == null) {
        problems.add(new FieldProblem("data." + field, "validation.required"));
      } else if (value.length() > TEXT_MAX) {
        problems.add(new FieldProblem("data." + field, "validation.too-long", TEXT_MAX));
      }
    }
    Object directCategory = data.get("directCategory");
    boolean direct = false;
    if (directCategory != null && !(directCategory instanceof String s && s.isBlank())) {
      if (!OrgKinds.DIRECT_CATEGORIES.contains(directCategory.toString())) {
        problems.add(new FieldProblem("data.directCategory", "validation.enum"));
      } else {
        direct = true;
      }
    }
    if (!direct && text(directCategory) == null && text(data.get("sponsorUnit")) == null) {
      problems.add(new FieldProblem("data.sponsorUnit", "validation.required"));
    }
    count(problems, data, "individualMembers");
    count(problems, data, "unitMembers");
    if (OrgKinds.SOCIAL_GROUP.equals(orgKind) && data.get("individualMembers") == null
        && data.get("unitMembers") == null) {
      problems.add(new FieldProblem("data.individualMembers", "validation.required"));
    }
    Object funds = data.get("funds");
    if (funds == null) {
      problems.add(new FieldProblem("data.funds", "validation.required"));
    } else if (decimal(funds) == null) {
      problems.add(new FieldProblem("data.funds", "validation.type"));
    } else if (decimal(funds).signum() < 0) {
      problems.add(new FieldProblem("data.funds", "validation.amount.negative"));
    }
    if (data.containsKey(VAR_CREDIT_CODE)) {
      problems.add(new FieldProblem("data." + VAR_CREDIT_CODE, "validation.shzz.credit-code-assigned"));
    }
    String name = text(data.get("name"));
    if (name == null) {
      problems.add(new FieldProblem("data.name", "validation.required"));
    } else if (orgKind != null) {
      String districtName = districtName(request.regionCode());
      if (districtName != null) {
        OrgNames.problem(orgKind, name, districtName)
            .ifPresent(key -> problems.add(new FieldProblem("data.name", key)));
      }
      if (orgs.countByName(name.trim()) > 0) {
        problems.add(new FieldProblem("data.name", "validation.shzz.name.taken"));
      }
    }
    return problems;
  }

  @Override
  public Map<String, Object> startVariables(ApplicationRecord application) {
    Map<String, String> data = ApplicationData.scalars(application.getDataJson());
    String directCategory = data.get("directCategory");
    boolean direct = directCategory != null && OrgKinds.DIRECT_CATEGORIES.contains(directCategory);
    Map<String, Object> variables = new HashMap<>();
    variables.put(VAR_ORG_KIND, data.get("orgKind"));
    variables.put(VAR_NEEDS_SPONSOR, !direct);
    return variables;
  }

  private String districtName(String regionCode) {
    if (regionCode == null) {
      return null;
    }
    return regions.path(regionCode).map(path -> path.district().getName()).orElse(null);
  }

  private static Integer count(List<FieldProblem> problems, Map<String, Object> data, String field) {
    Object value = data.get(field);
    if (value == null) {
      return null;
    }
    BigDecimal number = decimal(value);
    if (number == null || number.stripTrailingZeros().scale() > 0) {
      problems.add(new FieldProblem("data." + field, "validation.type"));
      return null;
    }
    if (number.signum() < 0) {
      problems.add(new FieldProblem("data." + field, "validation.amount.negative"));
      return null;
    }
    return number.intValue();
  }

  static BigDecimal decimal(Object value) {
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    if (value instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String s = value.toString().trim();
    return s.isEmpty() ? null : s;
  }
}
