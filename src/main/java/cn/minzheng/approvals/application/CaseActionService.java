package cn.minzheng.approvals.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.approvals.audit.CaseHistory;
import cn.minzheng.approvals.common.Masking;
import cn.minzheng.approvals.config.ApprovalsProperties;
import cn.minzheng.approvals.notice.NoticeKind;
import cn.minzheng.approvals.notice.NoticeService;
import cn.minzheng.approvals.process.CaseEngine;
import cn.minzheng.approvals.process.ProcessVariables;
import cn.minzheng.approvals.security.CurrentUser;
import cn.minzheng.approvals.security.Role;
import cn.minzheng.approvals.web.ApiException;
import cn.minzheng.approvals.web.ApiException.FieldProblem;

/** What happens to a case from outside its tasks: an 异议 during 公示, an appeal, a withdrawal. */
@Service
public class CaseActionService {

  private static final int TEXT_MAX = 2000;

  private final ApplicationService applications;
  private final CaseEngine engine;
  private final CaseHistory history;
  private final ApprovalsProperties properties;
  private final NoticeService notices;

  public CaseActionService(ApplicationService applications, CaseEngine engine, CaseHistory history,
                           ApprovalsProperties properties, NoticeService notices) {
    this.applications = applications;
    this.engine = engine;
    this.history = history;
    this.properties = properties;
    this.notices = notices;
  }

  /** An 异议 received during 公示: recorded, and the case goes back to investigation. */
  @Transactional
  public void fileObjection(long applicationId, String content, String contact, CurrentUser user) {
    requireText("content", content);
    ApplicationRecord application = applications.get(applicationId, user);
    if (!engine.isWaitingFor(applicationId, ProcessVariables.MESSAGE_OBJECTION)) {
      throw ApiException.conflict("error.no-public-notice");
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    if (contact != null && !contact.isBlank()) {
      detail.put("contact", Masking.phone(contact.trim()));
    }
    deliverObjection(application, user.id(), user.name(), content.trim(), detail);
  }

  /**
   * An 异议 the public filed on the 公示 board (board.PublicBoard): no login, so no region check; the
   * board has checked that this 公示 is the one running. It reaches the process exactly as a staff-entered one.
   */
  @Transactional
  public void filePublicObjection(long applicationId, String content, String receiptNo) {
    requireText("content", content);
    ApplicationRecord application = applications.getForProcess(applicationId);
    if (!engine.isWaitingFor(applicationId, ProcessVariables.MESSAGE_OBJECTION)) {
      throw ApiException.conflict("error.no-public-notice");
    }
    deliverObjection(application, PUBLIC_ACTOR, "公众（公示栏）", content.trim(),
        Map.of("receiptNo", receiptNo, "channel", "public_board"));
  }

  /** The actor of objections filed on the public board. */
  public static final String PUBLIC_ACTOR = "public";

  private void deliverObjection(ApplicationRecord application, String actorId, String actorName, String content,
                                Map<String, Object> detail) {
    history.record(application.getId(), application.getStage(), null, actorId, actorName, "objection", content, detail);
    engine.deliver(application.getId(), ProcessVariables.MESSAGE_OBJECTION, Map.of(ProcessVariables.OPINION, content));
  }

  /** An appeal (申诉/复核) within the window after a refusal, decided by another approver. */
  @Transactional
  public void fileAppeal(long applicationId, String reason, CurrentUser user) {
    requireText("reason", reason);
    ApplicationRecord application = applications.get(applicationId, user);
    if (!engine.isWaitingFor(applicationId, ProcessVariables.MESSAGE_APPEAL)) {
      throw ApiException.conflict("error.appeal-not-open", properties.getAppealWindow());
    }
    applications.changeStatus(applicationId, ApplicationStatus.APPEALING);
    history.record(applicationId, application.getStage(), null, user.id(), user.name(), "appeal", reason.trim(), Map.of());
    engine.deliver(applicationId, ProcessVariables.MESSAGE_APPEAL,
        Map.of(ProcessVariables.OPINION, reason.trim()));
  }

  /** 撤回 by the clerk before the final decision: the process ends, the reason is kept. */
  @Transactional
  public void withdraw(long applicationId, String reason, CurrentUser user) {
    if (!user.has(Role.CLERK)) {
      throw ApiException.forbidden();
    }
    requireText("reason", reason);
    ApplicationRecord application = applications.get(applicationId, user);
    if (!ApplicationStatus.IN_PROGRESS.equals(application.getStatus()) || !engine.isRunning(application.getProcessInstanceId())) {
      throw ApiException.conflict("error.withdraw-not-allowed");
    }
    history.record(applicationId, application.getStage(), null, user.id(), user.name(), "withdraw", reason.trim(), Map.of());
    engine.cancel(application.getProcessInstanceId(), "withdrawn: " + reason.trim());
    // the notice to the applicant; issuing it sets the status
    notices.issue(applicationId, NoticeKind.WITHDRAWN, new NoticeService.DecisionInput(reason.trim(), null, user.id()));
    applications.changeStage(applicationId, "Withdrawn");
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(List.of(new FieldProblem(field, "validation.required")));
    }
    if (value.length() > TEXT_MAX) {
      throw ApiException.invalid(List.of(new FieldProblem(field, "validation.too-long", TEXT_MAX)));
    }
  }
}
