package cn.minzheng.approvals.audit.cases;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.minzheng.approvals.application.ApplicationMapper;
import cn.minzheng.approvals.application.ApplicationRecord;
import cn.minzheng.approvals.common.Page;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.security.RegionScope;
import cn.minzheng.approvals.security.Role;
import cn.minzheng.approvals.web.ApiException;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/** The auditors' read-only access to cases: search within their region (the district), one case by id. */
@Service
public class AuditCases {

  /** The most rows one export writes. */
  public static final int EXPORT_LIMIT = 100_000;

  private final AuditCaseMapper cases;
  private final ApplicationMapper applications;

  public AuditCases(AuditCaseMapper cases, ApplicationMapper applications) {
    this.cases = cases;
    this.applications = applications;
  }

  /** The filters of a request; the ID number only as the auditor typed it, checked for its format. */
  public record Filters(String idNumber, String regionCode, String type, String stage, String actor, String from,
                        String to, String status) {
  }

  public Page<AuditCaseRow> search(CurrentUser user, Filters filters, int page, int size) {
    requireAuditor(user);
    int limit = Math.max(1, Math.min(size, 200));
    int offset = Math.max(0, page) * limit;
    CaseSearch search = toSearch(user, filters, offset, limit);
    return new Page<>(cases.search(search).stream().map(AuditCaseRow::of).toList(), cases.count(search), page, limit);
  }

  /** Every case the filters select, oldest first by the search's order, up to {@link #EXPORT_LIMIT}. */
  public List<AuditCaseRow> all(CurrentUser user, Filters filters) {
    requireAuditor(user);
    CaseSearch search = toSearch(user, filters, 0, EXPORT_LIMIT + 1);
    List<ApplicationRecord> rows = cases.search(search);
    if (rows.size() > EXPORT_LIMIT) {
      throw new ApiException(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY, "error.audit-export-too-large",
          EXPORT_LIMIT);
    }
    return rows.stream().map(AuditCaseRow::of).toList();
  }

  /** The case for an auditor; 404 outside the auditor's region, as if it did not exist. */
  public ApplicationRecord get(CurrentUser user, long id) {
    requireAuditor(user);
    ApplicationRecord application = applications.findById(id);
    if (application == null || !RegionScope.covers(user, application)) {
      throw ApiException.notFound();
    }
    return application;
  }

  public static void requireAuditor(CurrentUser user) {
    if (user == null || !(user.has(Role.AUDITOR) || user.has(Role.ADMIN))) {
      throw ApiException.forbidden();
    }
  }

  private CaseSearch toSearch(CurrentUser user, Filters f, long offset, int limit) {
    String idNumber = blankToNull(f.idNumber());
    if (idNumber != null) {
      idNumber = idNumber.toUpperCase();
      if (!idNumber.matches("\\d{17}[\\dX]")) {
        throw ApiException.invalid(List.of(new FieldProblem("idNumber", "validation.id-number.format")));
      }
    }
    String level = user.regionLevel() == null ? "district" : user.regionLevel();
    String code = user.regionCode() == null ? "" : user.regionCode();
    return new CaseSearch(level, code, idNumber, blankToNull(f.regionCode()), blankToNull(f.type()),
        blankToNull(f.stage()), blankToNull(f.actor()), start(f.from(), "from"), endExclusive(f.to()),
        blankToNull(f.status()), offset, limit);
  }

  private static LocalDateTime start(String value, String field) {
    value = blankToNull(value);
    if (value == null) {
      return null;
    }
    try {
      return value.length() == 10 ? LocalDate.parse(value).atStartOfDay() : LocalDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(List.of(new FieldProblem(field, "validation.type")));
    }
  }

  /** {@code to} as a date is inclusive: the cases up to the end of that day. */
  private static LocalDateTime endExclusive(String value) {
    value = blankToNull(value);
    if (value == null) {
      return null;
    }
    LocalDateTime start = start(value, "to");
    return value.length() == 10 ? start.plusDays(1) : start.plusNanos(1000);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
