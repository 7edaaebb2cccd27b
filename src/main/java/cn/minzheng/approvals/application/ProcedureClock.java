package cn.minzheng.approvals.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.calendar.WorkdayCalendar;
import cn.minzheng.approvals.config.ApprovalsProperties;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.security.Role;
import cn.minzheng.approvals.web.ApiException;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/**
 * The statutory limit of the whole procedure (低保: 30 working days from 受理, 45 with a recorded reason):
 * started by the 受理通知书, extended once, and the list of cases past it.
 */
@Service
public class ProcedureClock {

  private final ApplicationMapper applications;
  private final ApplicationService applicationService;
  private final WorkdayCalendar workdays;
  private final ApprovalsProperties properties;
  private final CaseHistory history;
  private final Clock clock;

  public ProcedureClock(ApplicationMapper applications, ApplicationService applicationService, WorkdayCalendar workdays,
                        ApprovalsProperties properties, CaseHistory history, Clock clock) {
    this.applications = applications;
    this.applicationService = applicationService;
    this.workdays = workdays;
    this.properties = properties;
    this.history = history;
    this.clock = clock;
  }

  /** 受理 starts the clock (once: a case accepted again after 补正 keeps its first date). */
  @Transactional
  public void start(ApplicationRecord application) {
    LocalDateTime now = LocalDateTime.now(clock);
    LocalDate due = workdays.addLenient(now.toLocalDate(), properties.limitOf(application.getType()).getWorkdays());
    applications.startProcedureClock(application.getId(), now, due);
  }

  @Transactional
  public LocalDate extend(long applicationId, String reason, CurrentUser user) {
    if (!user.has(Role.REVIEWER) && !user.has(Role.APPROVER)) {
      throw ApiException.forbidden();
    }
    if (reason == null || reason.isBlank()) {
      throw ApiException.invalid(List.of(new FieldProblem("reason", "validation.required")));
    }
    ApplicationRecord application = applicationService.get(applicationId, user);
    if (!ApplicationStatus.IN_PROGRESS.equals(application.getStatus()) || application.getAcceptedAt() == null
        || application.getExtensionReason() != null) {
      throw ApiException.conflict("error.extension-not-allowed");
    }
    LocalDate due = workdays.addLenient(application.getAcceptedAt().toLocalDate(),
        properties.limitOf(application.getType()).getExtendedWorkdays());
    if (applications.extendProcedure(applicationId, due, reason.trim(), LocalDateTime.now(clock)) == 0) {
      throw ApiException.conflict("error.extension-not-allowed");
    }
    history.record(applicationId, application.getStage(), null, user.id(), user.name(), "extend", reason.trim(),
        Map.of("from", String.valueOf(application.getProcedureDue()), "to", due.toString()));
    return due;
  }

  /** Open cases of the user's region past their statutory limit. */
  public List<ApplicationRecord> pastDue(CurrentUser user) {
    if (user.regionCode() == null) {
      return List.of();
    }
    return applications.findPastProcedureDue(user.regionLevel(), user.regionCode(), LocalDate.now(clock));
  }

  /** Business keys of the region's open cases (their model and the shared stages it calls). */
  public List<String> openCaseKeys(CurrentUser user) {
    if (user.regionCode() == null) {
      return List.of();
    }
    return applications.findOpenIds(user.regionLevel(), user.regionCode());
  }
}
